/**
 * The agent role: cluster members that pull trials, run them as real processes (argv from the
 * sweep's {@code command}), tail their metrics and obey stop messages. Built by the sweep-engine issue.
 */
package io.sweepline.agent;
