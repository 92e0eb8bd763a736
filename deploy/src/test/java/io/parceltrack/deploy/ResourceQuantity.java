package io.parceltrack.deploy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes resource quantity such as {@code 250m}, {@code "1"} or {@code 512Mi}, as a plain number (cores, bytes). */
final class ResourceQuantity {
    private static final Pattern QUANTITY = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$");
    private static final Map<String, BigDecimal> SUFFIXES = Map.of(
            "m", new BigDecimal("0.001"), "k", BigDecimal.TEN.pow(3), "M", BigDecimal.TEN.pow(6),
            "G", BigDecimal.TEN.pow(9), "T", BigDecimal.TEN.pow(12), "Ki", BigDecimal.valueOf(1024),
            "Mi", BigDecimal.valueOf(1024).pow(2), "Gi", BigDecimal.valueOf(1024).pow(3), "Ti", BigDecimal.valueOf(1024).pow(4));

    private ResourceQuantity() {}

    static Optional<BigDecimal> parse(String text) {
        Matcher matcher = QUANTITY.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        BigDecimal number = new BigDecimal(matcher.group(1));
        return Optional.of(matcher.group(2) == null ? number : number.multiply(SUFFIXES.get(matcher.group(2))));
    }
}
