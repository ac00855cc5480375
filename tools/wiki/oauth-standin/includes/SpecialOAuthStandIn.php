<?php
/**
 * TEST-ONLY. The approval page (Extension:OAuth's Special:OAuth/approve): a user who is not
 * logged in is sent to Special:UserLogin and brought back; a logged-in user sees what the client
 * asks for (identify only) and answers with Allow or Cancel, a POST with the CSRF token.
 * Allow sends a single-use code and the state to the client's redirect URI.
 */
namespace PartnerhubTest\OAuthStandIn;

use MediaWiki\Html\Html;
use MediaWiki\SpecialPage\SpecialPage;
use MediaWiki\SpecialPage\UnlistedSpecialPage;

class SpecialOAuthStandIn extends UnlistedSpecialPage {
	public function __construct() {
		parent::__construct( 'OAuthStandIn' );
	}

	public function execute( $subPage ) {
		$this->setHeaders();
		$out = $this->getOutput();
		$out->setPreventClickjacking( true );
		$request = $this->getRequest();
		$params = [];
		foreach ( Clients::REQUEST_PARAMS as $name ) {
			$value = $request->getRawVal( $name );
			if ( $value !== null ) {
				$params[$name] = $value;
			}
		}
		$problem = Clients::checkAuthorizationRequest( $params );
		if ( $problem ) {
			$out->setStatusCode( $problem[0] );
			$out->addWikiTextAsInterface( "'''{$problem[1]}''': " . wfEscapeWikiText( $problem[2] ) );
			return;
		}
		if ( !$this->getUser()->isNamed() ) {
			$out->redirect( SpecialPage::getTitleFor( 'Userlogin' )->getFullURL( [
				'returnto' => $this->getPageTitle()->getPrefixedText(),
				'returntoquery' => wfArrayToCgi( $params ),
			], false, PROTO_CURRENT ) );
			return;
		}
		if ( $request->wasPosted() ) {
			$this->answer( $params );
			return;
		}
		$this->showForm( $params );
	}

	private function answer( array $params ): void {
		$out = $this->getOutput();
		if ( !$this->getContext()->getCsrfTokenSet()->matchTokenField( 'wpEditToken' ) ) {
			$out->addHTML( Html::errorBox( $this->msg( 'oauthstandin-badtoken' )->escaped() ) );
			$this->showForm( $params );
			return;
		}
		$answer = [];
		if ( $this->getRequest()->getRawVal( 'decision' ) === 'allow' ) {
			global $wgOAuthStandInCodeTTL;
			$code = Store::newSecret();
			Store::fromConfig()->addCode( $code, $params['client_id'], $params['redirect_uri'], $params['code_challenge'],
				$this->getUser()->getId(), (int)$wgOAuthStandInCodeTTL );
			$answer['code'] = $code;
		} else {
			$answer['error'] = 'access_denied';
		}
		if ( isset( $params['state'] ) ) {
			$answer['state'] = $params['state'];
		}
		$uri = $params['redirect_uri'];
		$out->redirect( $uri . ( str_contains( $uri, '?' ) ? '&' : '?' ) . wfArrayToCgi( $answer ) );
	}

	private function showForm( array $params ): void {
		$client = Clients::get( $params['client_id'] );
		$hidden = '';
		foreach ( $params as $name => $value ) {
			$hidden .= Html::hidden( $name, $value );
		}
		$hidden .= Html::hidden( 'wpEditToken', $this->getContext()->getCsrfTokenSet()->getToken()->toString() );
		$this->getOutput()->addHTML(
			Html::warningBox( $this->msg( 'oauthstandin-notice' )->escaped() ) .
			Html::rawElement( 'p', [], $this->msg( 'oauthstandin-prompt', $client['name'] ?? $params['client_id'], $this->getUser()->getName() )->escaped() ) .
			Html::rawElement( 'form', [ 'id' => 'oauthstandin-form', 'method' => 'post', 'action' => $this->getPageTitle()->getLocalURL() ],
				$hidden .
				Html::element( 'button', [ 'type' => 'submit', 'name' => 'decision', 'value' => 'allow', 'id' => 'oauthstandin-allow',
					'class' => 'cdx-button cdx-button--action-progressive cdx-button--weight-primary' ], $this->msg( 'oauthstandin-allow' )->text() ) . ' ' .
				Html::element( 'button', [ 'type' => 'submit', 'name' => 'decision', 'value' => 'cancel', 'id' => 'oauthstandin-cancel',
					'class' => 'cdx-button' ], $this->msg( 'oauthstandin-cancel' )->text() )
			)
		);
	}
}
