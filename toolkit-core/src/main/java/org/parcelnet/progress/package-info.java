/** Progress reporting and cooperative cancellation for long-running steps. */
package org.parcelnet.progress;
