/**
 * The controller role: one event-sourced {@code SweepEntity} per sweep under Cluster Sharding, and
 * the read side. Built by the sweep-engine issue; this module fixes its dependencies now.
 */
package io.sweepline.controller;
