<?php
/**
 * TEST-ONLY. GET /oauth2/authorize: checks the request and sends the browser on to the approval
 * page (Special:OAuthStandIn), which asks the logged-in user — as Extension:OAuth sends it on to
 * Special:OAuth/approve. Bad requests get a JSON error, never a redirect to an unchecked URI.
 */
namespace PartnerhubTest\OAuthStandIn;

use MediaWiki\SpecialPage\SpecialPage;

class AuthorizeHandler extends StandInHandler {
	public function execute() {
		$params = [];
		foreach ( Clients::REQUEST_PARAMS as $name ) {
			$value = $this->getRequest()->getQueryParams()[$name] ?? null;
			if ( is_string( $value ) ) {
				$params[$name] = $value;
			}
		}
		$problem = Clients::checkAuthorizationRequest( $params );
		if ( $problem ) {
			return $this->oauthError( ...$problem );
		}
		$target = SpecialPage::getTitleFor( 'OAuthStandIn' )->getFullURL( $params, false, PROTO_CURRENT );
		return $this->getResponseFactory()->createTemporaryRedirect( $target );
	}
}
