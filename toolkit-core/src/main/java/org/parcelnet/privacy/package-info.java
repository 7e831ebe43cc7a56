/**
 * Desensitisation of shipment data before it is shared or analysed: keyed pseudonyms
 * ({@link org.parcelnet.privacy.Pseudonymizer}, HMAC-SHA256) for phones, names and addresses, and
 * generalisation ({@link org.parcelnet.privacy.Generalizer}) of addresses to cities, times to days and
 * weights to bands. Pseudonyms keep equality (same input and key, same pseudonym), so case linking,
 * party graphs and communities are unchanged; without the key they cannot be reversed or linked to
 * pseudonyms made under another key. The key itself is never printed, logged or written
 * ({@link org.parcelnet.privacy.PseudonymKey}). Threat model: docs/privacy.md.
 */
package org.parcelnet.privacy;
