/** The console's upload into the landing directory: a plain streamed POST, so that the browser can show progress. */
package io.flatingest.files.web;
