<?php
/**
 * TEST-ONLY. GET /oauth2/resource/profile: who the Bearer token belongs to, with the fields of
 * Extension:OAuth's profile for the identify-only grant. `blocked` is read from the wiki now,
 * so a block (a hideuser block included) placed after sign-in shows at once.
 */
namespace PartnerhubTest\OAuthStandIn;

use MediaWiki\MediaWikiServices;

class ProfileHandler extends StandInHandler {
	public function execute() {
		if ( !preg_match( '/^Bearer\s+(\S+)$/i', $this->getRequest()->getHeaderLine( 'Authorization' ), $m ) ) {
			return $this->oauthError( 401, 'access_denied', 'Missing "Bearer" token in the "Authorization" header' );
		}
		$userId = Store::fromConfig()->userOfToken( $m[1] );
		$services = MediaWikiServices::getInstance();
		$user = $userId === null ? null : $services->getUserFactory()->newFromId( $userId );
		if ( !$user || !$user->isRegistered() ) {
			return $this->oauthError( 401, 'access_denied', 'The resource owner or authorization server denied the request: the access token is invalid or has expired' );
		}
		$block = $services->getBlockManager()->getBlock( $user, null, false );
		$response = $this->getResponseFactory()->createJson( [
			'sub' => $user->getId(),
			'username' => $user->getName(),
			'editcount' => (int)$user->getEditCount(),
			'confirmed_email' => $user->isEmailConfirmed(),
			'blocked' => $block !== null,
			'registered' => $user->getRegistration(),
			'groups' => $services->getUserGroupManager()->getUserEffectiveGroups( $user ),
			'rights' => $services->getPermissionManager()->getUserPermissions( $user ),
			'grants' => [ 'mwoauth-authonly' ],
		] );
		$response->setHeader( 'Cache-Control', 'no-store' );
		return $response;
	}
}
