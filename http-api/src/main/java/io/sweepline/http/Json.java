package io.sweepline.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pekko.http.javadsl.model.ContentType;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.StatusCode;

/**
 * The one JSON mapping of the API, used for every body in and out.
 *
 * <ul>
 *   <li>Field names are snake_case: a record component {@code trialCounts} is {@code trial_counts}.
 *       Map keys (parameter and metric names) are left as the user wrote them.</li>
 *   <li>Times are ISO-8601 strings ({@code 2025-01-31T12:00:00Z}), not epoch numbers.</li>
 *   <li>Integers read as {@code Long}, so 3 stays distinct from 3.0 as it does in the journal.</li>
 *   <li>NaN and Infinity are accepted on input (Python's json module writes them), and written as
 *       {@code null}: they are not JSON, and strict parsers (browsers, jq) reject a body holding them.
 *       A diverged loss therefore shows as null, the same as "not reported".</li>
 * </ul>
 */
public final class Json {

    /** Thread-safe once configured; shared by every route. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .addModule(nonFiniteAsNull())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private Json() {
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            // Only our own response types are written: failing here is a bug, not bad input.
            throw new UncheckedIOException("could not write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** A response whose body is {@code value} as JSON. */
    public static HttpResponse response(StatusCode status, Object value) {
        return response(status, ContentTypes.APPLICATION_JSON, value);
    }

    public static HttpResponse response(StatusCode status, ContentType contentType, Object value) {
        return HttpResponse.create().withStatus(status).withEntity(contentType, write(value));
    }

    private static SimpleModule nonFiniteAsNull() {
        SimpleModule module = new SimpleModule("non-finite-as-null");
        module.addSerializer(Double.class, new NonFiniteAsNull<>(Double.class));
        module.addSerializer(double.class, new NonFiniteAsNull<>(Double.class));
        module.addSerializer(Float.class, new NonFiniteAsNull<>(Float.class));
        module.addSerializer(float.class, new NonFiniteAsNull<>(Float.class));
        return module;
    }

    /** Writes a finite number as itself and NaN or ±Infinity as null. */
    private static final class NonFiniteAsNull<T extends Number> extends StdSerializer<T> {

        NonFiniteAsNull(Class<T> type) {
            super(type);
        }

        @Override
        public void serialize(T value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            double d = value.doubleValue();
            if (!Double.isFinite(d)) {
                generator.writeNull();
            } else if (value instanceof Float f) {
                generator.writeNumber(f);
            } else {
                generator.writeNumber(d);
            }
        }
    }
}
