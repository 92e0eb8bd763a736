package io.parceltrack.grpc;

import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a call through only if the caller's certificate names an app that {@link CallerPermissions}
 * allows the method to; any other call ends at once with PERMISSION_DENIED, before it is read.
 * Runs behind mutual TLS, so the certificate has already been checked against the cluster CA.
 */
final class CallerCheckInterceptor implements ServerInterceptor {
    private static final Logger log = LoggerFactory.getLogger(CallerCheckInterceptor.class);
    private static final ServerCall.Listener<Object> NOTHING = new ServerCall.Listener<>() {};

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        Optional<String> caller = callerName(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
        if (caller.isPresent() && CallerPermissions.allows(caller.get(), method)) {
            return next.startCall(call, headers);
        }
        String who = caller.orElse("a caller without a certificate name");
        log.warn("refused {} to {}", method, who);
        call.close(Status.PERMISSION_DENIED.withDescription(who + " may not call " + method), new Metadata());
        @SuppressWarnings("unchecked")
        ServerCall.Listener<Q> ignored = (ServerCall.Listener<Q>) NOTHING;
        return ignored;
    }

    /** The common name of the peer's certificate (our apps' certificates name the app there). */
    static Optional<String> callerName(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
                return Optional.empty();
            }
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return Optional.of(rdn.getValue().toString());
                }
            }
            return Optional.empty();
        } catch (SSLPeerUnverifiedException | InvalidNameException e) {
            return Optional.empty();
        }
    }
}
