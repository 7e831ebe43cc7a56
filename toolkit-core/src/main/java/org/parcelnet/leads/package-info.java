/**
 * Leads: which parties and rings an investigator should look at first, and which region each goes to.
 * {@link org.parcelnet.leads.LeadScorer} combines explainable per-party features
 * ({@link org.parcelnet.leads.LeadFeatures}) with documented, configurable weights
 * ({@link org.parcelnet.leads.LeadWeights}) into a score, and names the features that contributed most
 * in words. {@link org.parcelnet.leads.PartyActivity} computes the features that come straight from
 * the shipments; {@link org.parcelnet.leads.Dispatch} assigns each lead to the destination province
 * where it delivers most. Features and weights: docs/leads.md.
 */
package org.parcelnet.leads;
