<?php
/**
 * TEST-ONLY. Base of the stand-in's REST handlers: no read or write permission is needed (as with
 * Extension:OAuth's own endpoints), and errors have league/oauth2-server's JSON shape.
 */
namespace PartnerhubTest\OAuthStandIn;

use MediaWiki\Rest\Handler;
use MediaWiki\Rest\Response;

abstract class StandInHandler extends Handler {
	public function needsReadAccess() {
		return false;
	}

	public function needsWriteAccess() {
		return false;
	}

	/** `{"error", "error_description", "message"}` with the given status. */
	protected function oauthError( int $status, string $error, string $description ): Response {
		$response = $this->getResponseFactory()->createJson( [
			'error' => $error,
			'error_description' => $description,
			'message' => $description,
		] );
		$response->setStatus( $status );
		$response->setHeader( 'Cache-Control', 'no-store' );
		if ( $status === 401 ) {
			$response->setHeader( 'WWW-Authenticate', 'Bearer realm="OAuth"' );
		}
		return $response;
	}
}
