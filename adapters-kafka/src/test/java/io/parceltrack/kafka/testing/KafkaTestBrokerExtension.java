package io.parceltrack.kafka.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands tests the one {@link KafkaTestBroker} of this test JVM, started on first use and stopped
 * (its data deleted) when the whole test run ends. Declare a {@code KafkaTestBroker} parameter on a
 * test class constructor, a lifecycle method or a test method:
 *
 * <pre>{@code
 * @ExtendWith(KafkaTestBrokerExtension.class)
 * class SomethingIT {
 *     SomethingIT(KafkaTestBroker broker) { ... broker.bootstrapServers() ... }
 * }
 * }</pre>
 *
 * A test that stops or kills the broker must start it again before it ends (in a {@code finally}),
 * since later tests share it.
 */
public final class KafkaTestBrokerExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(KafkaTestBrokerExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaTestBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // The root store lives as long as the test run and closes what it holds at the end.
        KafkaTestBroker broker = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(KafkaTestBroker.class, key -> KafkaTestBroker.startNew(), KafkaTestBroker.class);
        broker.start();
        return broker;
    }
}
