/** The browse page: databases, tables, columns with types and the first rows of a table. */
package io.flatingest.catalog.faces;
