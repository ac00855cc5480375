<?php
/**
 * TEST-ONLY. POST /oauth2/access_token: the authorization code grant for public clients, with
 * PKCE (S256) verified, codes single-use and short-lived, and league/oauth2-server's errors as
 * Extension:OAuth sends them. CORS for the origins configured for the client.
 */
namespace PartnerhubTest\OAuthStandIn;

use MediaWiki\Rest\RequestInterface;
use MediaWiki\Rest\Response;

class AccessTokenHandler extends StandInHandler {
	public function getSupportedRequestTypes(): array {
		return [ RequestInterface::FORM_URLENCODED_CONTENT_TYPE ];
	}

	public function execute() {
		if ( $this->getRequest()->getMethod() === 'OPTIONS' ) {
			$response = $this->getResponseFactory()->createNoContent();
			$response->setHeader( 'Access-Control-Allow-Methods', 'POST' );
			$response->setHeader( 'Access-Control-Allow-Headers', 'Content-Type, Api-User-Agent' );
			$response->setHeader( 'Access-Control-Max-Age', '600' );
			return $this->withCors( $response, null );
		}
		$p = $this->getRequest()->getPostParams();
		return $this->withCors( $this->grant( $p ), $p['client_id'] ?? null );
	}

	private function grant( array $p ): Response {
		$grantType = $p['grant_type'] ?? '';
		if ( $grantType !== 'authorization_code' ) {
			return $this->oauthError( 400, 'unsupported_grant_type', 'The authorization grant type is not supported by the authorization server' );
		}
		$clientId = (string)( $p['client_id'] ?? '' );
		if ( !Clients::get( $clientId ) ) {
			return $this->oauthError( 401, 'invalid_client', 'Client authentication failed' );
		}
		foreach ( [ 'code', 'redirect_uri', 'code_verifier' ] as $name ) {
			if ( !is_string( $p[$name] ?? null ) || $p[$name] === '' ) {
				return $this->oauthError( 400, 'invalid_request', "Check the `$name` parameter" );
			}
		}
		$store = Store::fromConfig();
		$row = $store->findCode( $p['code'] );
		if ( !$row ) {
			return $this->oauthError( 400, 'invalid_grant', 'Cannot decrypt the authorization code' );
		}
		if ( (int)$row['expires_at'] <= Store::now() ) {
			return $this->oauthError( 400, 'invalid_grant', 'Authorization code has expired' );
		}
		if ( (int)$row['used'] === 1 ) {
			$store->revokeTokensOfCode( $p['code'] );
			return $this->oauthError( 400, 'invalid_grant', 'Authorization code has been revoked' );
		}
		if ( $row['client_id'] !== $clientId ) {
			return $this->oauthError( 400, 'invalid_request', 'Authorization code was not issued to this client' );
		}
		if ( $row['redirect_uri'] !== $p['redirect_uri'] ) {
			return $this->oauthError( 400, 'invalid_request', 'Invalid redirect URI' );
		}
		if ( !preg_match( '/^[A-Za-z0-9._~-]{43,128}$/', $p['code_verifier'] ) ) {
			return $this->oauthError( 400, 'invalid_request', 'Code Verifier must follow the specifications of RFC-7636.' );
		}
		$expected = rtrim( strtr( base64_encode( hash( 'sha256', $p['code_verifier'], true ) ), '+/', '-_' ), '=' );
		if ( !hash_equals( $row['challenge'], $expected ) ) {
			return $this->oauthError( 400, 'invalid_grant', 'Failed to verify `code_verifier`.' );
		}
		if ( !$store->useCode( $p['code'] ) ) {
			$store->revokeTokensOfCode( $p['code'] );
			return $this->oauthError( 400, 'invalid_grant', 'Authorization code has been revoked' );
		}
		global $wgOAuthStandInTokenTTL;
		$token = Store::newSecret();
		$store->addToken( $token, $p['code'], $clientId, (int)$row['user_id'], (int)$wgOAuthStandInTokenTTL );
		$response = $this->getResponseFactory()->createJson( [
			'token_type' => 'Bearer',
			'expires_in' => (int)$wgOAuthStandInTokenTTL,
			'access_token' => $token,
		] );
		$response->setHeader( 'Cache-Control', 'no-store' );
		return $response;
	}

	/** Allows the request's origin if some client (or the given one) lists it. */
	private function withCors( Response $response, ?string $clientId ): Response {
		global $wgOAuthStandInClients;
		$origin = $this->getRequest()->getHeaderLine( 'Origin' );
		$response->addHeader( 'Vary', 'Origin' );
		if ( $origin === '' ) {
			return $response;
		}
		$clients = $clientId !== null && isset( $wgOAuthStandInClients[$clientId] )
			? [ $wgOAuthStandInClients[$clientId] ] : array_values( $wgOAuthStandInClients );
		foreach ( $clients as $client ) {
			if ( in_array( $origin, $client['allowedOrigins'] ?? [], true ) ) {
				$response->setHeader( 'Access-Control-Allow-Origin', $origin );
				break;
			}
		}
		return $response;
	}
}
