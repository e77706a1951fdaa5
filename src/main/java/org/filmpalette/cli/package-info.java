/** cli: the picocli commands; each parses and validates its arguments, then calls one stage. */
package org.filmpalette.cli;
