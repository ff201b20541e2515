package io.sweepline.agent.process;

import java.io.IOException;

/** Starts trial processes; the side effect behind an interface so agent logic can be tested with a fake. */
public interface ProcessRunner {

    /**
     * @throws IOException when the program cannot be started (not found, not executable); the
     *                     message names the program
     */
    RunningProcess start(ProcessSpec spec) throws IOException;
}
