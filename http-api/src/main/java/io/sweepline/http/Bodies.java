package io.sweepline.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.HttpCharset;
import org.apache.pekko.http.javadsl.model.HttpEntity;

/** Reading request bodies: as text in their charset, or as JSON (malformed JSON fails with a 400). */
final class Bodies {

    private final ActorSystem<?> system;
    private final Duration timeout;

    Bodies(ActorSystem<?> system, Duration timeout) {
        this.system = system;
        this.timeout = timeout;
    }

    /**
     * The body as text. Past the limit set by {@code withSizeLimit} the stream fails with
     * EntityStreamSizeException (→ 413). Not toStrict's own maxBytes: that one throws a generic
     * EntityStreamException, synchronously.
     */
    CompletionStage<String> text(HttpEntity entity) {
        Charset charset = entity.getContentType().getCharsetOption()
                .map(HttpCharset::nioCharset)
                .orElse(StandardCharsets.UTF_8);
        return entity.toStrict(timeout.toMillis(), system)
                .thenApply(strict -> strict.getData().decodeString(charset));
    }

    /** The body as JSON; an empty body is an empty object (heartbeats need not send one). */
    CompletionStage<JsonNode> json(HttpEntity entity) {
        return text(entity).thenApply(text -> {
            try {
                return text.isBlank() ? Json.MAPPER.createObjectNode() : Json.MAPPER.readTree(text);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
    }

    static String mediaTypeOf(ContentType contentType) {
        return (contentType.mediaType().mainType() + "/" + contentType.mediaType().subType()).toLowerCase(Locale.ROOT);
    }
}
