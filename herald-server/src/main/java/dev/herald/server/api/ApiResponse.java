package dev.herald.server.api;

/**
 * An HTTP response from the API: a status and a JSON body.
 *
 * @param status the HTTP status
 * @param json the body, a JSON document
 */
public record ApiResponse(int status, String json) {}
