package io.parceltrack.rest;

/** One offending input, named as the client sent it: a JSON field, a query or path parameter, a header. */
record FieldError(String field, String message) {}
