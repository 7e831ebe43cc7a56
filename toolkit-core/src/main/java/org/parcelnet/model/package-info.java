/** The columnar, dictionary-encoded shipment table and its small value types. */
package org.parcelnet.model;
