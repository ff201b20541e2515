package io.sweepline.http;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The HTTP API's tunables, read once from {@code sweepline.http} (reference.conf documents each key).
 *
 * @param askTimeout      how long a request waits for a sweep entity, or for its body, before a 503
 * @param maxBodyBytes    the largest request body accepted; larger ones get 413
 * @param readJournal     the persistence query plugin event streams follow
 * @param eventsKeepAlive how often an idle event stream gets a comment line
 */
public record HttpSettings(Duration askTimeout, long maxBodyBytes, String readJournal, Duration eventsKeepAlive) {

    public static HttpSettings fromConfig(Config root) {
        Config c = root.getConfig("sweepline.http");
        return new HttpSettings(c.getDuration("ask-timeout"), c.getBytes("max-body"), c.getString("read-journal"),
                c.getDuration("events-keep-alive"));
    }
}
