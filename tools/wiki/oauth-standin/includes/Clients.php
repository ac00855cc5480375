<?php
/**
 * TEST-ONLY. The configured public clients and the checks of an authorization request, shared by
 * the REST authorize endpoint and the approval page.
 */
namespace PartnerhubTest\OAuthStandIn;

class Clients {
	/** The client's configuration, or null for an unknown client_id. */
	public static function get( string $clientId ): ?array {
		global $wgOAuthStandInClients;
		return $wgOAuthStandInClients[$clientId] ?? null;
	}

	/**
	 * Checks an authorization request as Extension:OAuth does for a public client; returns
	 * null when it is acceptable, else [status, error, description].
	 * @param array $p client_id, redirect_uri, response_type, code_challenge, code_challenge_method
	 */
	public static function checkAuthorizationRequest( array $p ): ?array {
		$client = self::get( (string)( $p['client_id'] ?? '' ) );
		if ( !$client ) {
			return [ 401, 'invalid_client', 'Client authentication failed' ];
		}
		$redirect = (string)( $p['redirect_uri'] ?? '' );
		if ( !in_array( $redirect, $client['redirectUris'] ?? [], true ) ) {
			return [ 401, 'invalid_client', 'Client authentication failed: redirect_uri does not match the registered callback' ];
		}
		if ( ( $p['response_type'] ?? '' ) !== 'code' ) {
			return [ 400, 'unsupported_response_type', 'The authorization server does not support obtaining an authorization code using this method' ];
		}
		if ( ( $p['code_challenge_method'] ?? '' ) !== 'S256' ) {
			return [ 400, 'invalid_request', 'Code challenge method must be S256' ];
		}
		if ( !preg_match( '/^[A-Za-z0-9_-]{43}$/', (string)( $p['code_challenge'] ?? '' ) ) ) {
			return [ 400, 'invalid_request', 'Code challenge must be a base64url-encoded SHA-256 hash' ];
		}
		return null;
	}

	/** The parameters of an authorization request that the approval page carries along. */
	public const REQUEST_PARAMS = [ 'client_id', 'redirect_uri', 'response_type', 'state', 'code_challenge', 'code_challenge_method', 'scope' ];
}
