/** REST resources of previews and schema proposals: {@code /api/previews}, {@code /api/schemas}. */
package io.flatingest.preview.rest;
