package io.sweepline.protocol;

/**
 * Marker for every message, event and snapshot that crosses a JVM or reaches the journal. It is
 * bound to Jackson CBOR in this module's {@code reference.conf}; Java serialization stays off.
 */
public interface CborSerializable {
}
