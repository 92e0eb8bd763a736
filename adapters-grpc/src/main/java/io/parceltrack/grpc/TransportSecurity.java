package io.parceltrack.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.InsecureChannelCredentials;
import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.TlsChannelCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * How a gRPC link is protected: mutual TLS, where each side proves who it is with a certificate
 * from the cluster CA and checks the other's, or plaintext, which only an explicit setting asks for.
 */
public sealed interface TransportSecurity {

    /** A server's side of the link. */
    ServerCredentials serverCredentials();

    /** A client's side of the link; a TLS client also checks that the server's certificate names the host it dialled. */
    ChannelCredentials channelCredentials();

    static TransportSecurity mutualTls(Path certificateChain, Path privateKey, Path trustedCa) {
        return new MutualTls(certificateChain, privateKey, trustedCa);
    }

    static TransportSecurity plaintext() {
        return new Plaintext();
    }

    /**
     * @param certificateChain PEM certificate(s) of this app, its own first
     * @param privateKey PEM PKCS#8 private key of that certificate
     * @param trustedCa PEM certificate(s) of the CA whose certificates peers must present
     */
    record MutualTls(Path certificateChain, Path privateKey, Path trustedCa) implements TransportSecurity {
        public MutualTls {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
            Objects.requireNonNull(trustedCa, "trustedCa");
        }

        @Override
        public ServerCredentials serverCredentials() {
            try {
                return TlsServerCredentials.newBuilder()
                        .keyManager(certificateChain.toFile(), privateKey.toFile())
                        .trustManager(trustedCa.toFile())
                        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the gRPC certificate, key or CA: " + e.getMessage(), e);
            }
        }

        @Override
        public ChannelCredentials channelCredentials() {
            try {
                return TlsChannelCredentials.newBuilder()
                        .keyManager(certificateChain.toFile(), privateKey.toFile())
                        .trustManager(trustedCa.toFile())
                        .build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the gRPC certificate, key or CA: " + e.getMessage(), e);
            }
        }
    }

    /** No encryption and no identities: anyone who reaches the port may call anything. */
    record Plaintext() implements TransportSecurity {
        @Override
        public ServerCredentials serverCredentials() {
            return InsecureServerCredentials.create();
        }

        @Override
        public ChannelCredentials channelCredentials() {
            return InsecureChannelCredentials.create();
        }
    }
}
