/** What every console page shares: messages next to fields or at the top of the page. */
package io.flatingest.web.faces;
