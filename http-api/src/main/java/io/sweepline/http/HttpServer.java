package io.sweepline.http;

import io.sweepline.controller.SweepService;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;

/**
 * Binds the API and unbinds it on coordinated shutdown, so a stopping node refuses new connections
 * before the cluster hands its sweeps to another controller.
 */
public final class HttpServer {

    private HttpServer() {
    }

    /** Serves {@link SweepRoutes} for {@code service}, with settings from {@code sweepline.http}; open API. */
    public static CompletionStage<ServerBinding> start(ActorSystem<?> system, SweepService service, String host,
                                                       int port) {
        return start(system, service, BearerTokens.none(), host, port);
    }

    /** As above, with bearer tokens required on the API when {@code tokens} has any. */
    public static CompletionStage<ServerBinding> start(ActorSystem<?> system, SweepService service, BearerTokens tokens,
                                                       String host, int port) {
        HttpSettings settings = HttpSettings.fromConfig(system.settings().config());
        return start(system, new SweepRoutes(system, service, settings, tokens), host, port);
    }

    /** Serves the given routes; port 0 picks a free port, read it from the binding's local address. */
    public static CompletionStage<ServerBinding> start(ActorSystem<?> system, SweepRoutes routes, String host,
                                                       int port) {
        return Http.get(system).newServerAt(host, port).bind(routes.route()).thenApply(binding -> {
            CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "sweepline-http-unbind",
                    () -> binding.unbind().thenApply(done -> Done.getInstance()));
            system.log().info("Sweepline HTTP API listening on http://{}:{}",
                    binding.localAddress().getHostString(), binding.localAddress().getPort());
            return binding;
        });
    }
}
