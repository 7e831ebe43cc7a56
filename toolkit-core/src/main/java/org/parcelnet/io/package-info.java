/**
 * Reading and writing: shipment and edge-list CSV readers (Commons CSV, streaming, gzip), column
 * mapping, rejected rows, atomic writers, and graph export through jgrapht-io.
 */
package org.parcelnet.io;
