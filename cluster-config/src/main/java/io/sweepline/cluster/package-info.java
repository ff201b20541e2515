/**
 * Cluster HOCON lives in this module's resources: remoting, sharding, split brain resolver,
 * persistence (H2 file by default, PostgreSQL by profile) and serialization.
 */
package io.sweepline.cluster;
