package dev.herald.server.console;

/**
 * One file of the console page.
 *
 * @param name the file name under {@code /console/}
 * @param body the file's text
 * @param contentType its media type, with the charset
 * @param etag a strong validator of the body, quoted, for {@code If-None-Match}
 */
public record ConsoleAsset(String name, String body, String contentType, String etag) {}
