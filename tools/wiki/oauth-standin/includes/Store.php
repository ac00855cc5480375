<?php
/**
 * TEST-ONLY. Codes and tokens of the stand-in in a small SQLite file of their own: robust under
 * PHP's built-in server with several workers, and independent of the wiki's own database.
 * Only hashes of codes and tokens are stored.
 */
namespace PartnerhubTest\OAuthStandIn;

use PDO;

class Store {
	private PDO $db;

	public function __construct( string $file ) {
		$this->db = new PDO( 'sqlite:' . $file, null, null, [ PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION ] );
		$this->db->exec( 'PRAGMA busy_timeout = 5000' );
		$this->db->exec( 'PRAGMA journal_mode = WAL' );
		$this->db->exec( 'CREATE TABLE IF NOT EXISTS auth_code (
			code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, redirect_uri TEXT NOT NULL,
			challenge TEXT NOT NULL, user_id INTEGER NOT NULL, expires_at INTEGER NOT NULL, used INTEGER NOT NULL DEFAULT 0)' );
		$this->db->exec( 'CREATE TABLE IF NOT EXISTS access_token (
			token_hash TEXT PRIMARY KEY, code_hash TEXT NOT NULL, client_id TEXT NOT NULL,
			user_id INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0)' );
	}

	/** The configured store, with the file from $wgOAuthStandInDatabase or next to the wiki's SQLite files. */
	public static function fromConfig(): self {
		global $wgOAuthStandInDatabase, $wgSQLiteDataDir;
		return new self( $wgOAuthStandInDatabase ?? ( $wgSQLiteDataDir . '/oauth_standin.sqlite' ) );
	}

	/** Now, in seconds, plus the offset tests write to $wgOAuthStandInClockFile. */
	public static function now(): int {
		global $wgOAuthStandInClockFile;
		$offset = 0;
		if ( $wgOAuthStandInClockFile && is_file( $wgOAuthStandInClockFile ) ) {
			$offset = (int)trim( (string)file_get_contents( $wgOAuthStandInClockFile ) );
		}
		return time() + $offset;
	}

	public static function newSecret(): string {
		return rtrim( strtr( base64_encode( random_bytes( 32 ) ), '+/', '-_' ), '=' );
	}

	private static function hash( string $secret ): string {
		return hash( 'sha256', $secret );
	}

	public function addCode( string $code, string $clientId, string $redirectUri, string $challenge, int $userId, int $ttl ): void {
		$this->db->prepare( 'INSERT INTO auth_code (code_hash, client_id, redirect_uri, challenge, user_id, expires_at) VALUES (?, ?, ?, ?, ?, ?)' )
			->execute( [ self::hash( $code ), $clientId, $redirectUri, $challenge, $userId, self::now() + $ttl ] );
	}

	/** The code's row, or null if it was never issued. */
	public function findCode( string $code ): ?array {
		$q = $this->db->prepare( 'SELECT * FROM auth_code WHERE code_hash = ?' );
		$q->execute( [ self::hash( $code ) ] );
		$row = $q->fetch( PDO::FETCH_ASSOC );
		return $row ?: null;
	}

	/** Marks the code used; false if it was used already (a concurrent or repeated exchange). */
	public function useCode( string $code ): bool {
		$q = $this->db->prepare( 'UPDATE auth_code SET used = 1 WHERE code_hash = ? AND used = 0' );
		$q->execute( [ self::hash( $code ) ] );
		return $q->rowCount() === 1;
	}

	/** RFC 6749 4.1.2: a code used twice revokes the tokens issued for it. */
	public function revokeTokensOfCode( string $code ): void {
		$this->db->prepare( 'UPDATE access_token SET revoked = 1 WHERE code_hash = ?' )->execute( [ self::hash( $code ) ] );
	}

	public function addToken( string $token, string $code, string $clientId, int $userId, int $ttl ): void {
		$this->db->prepare( 'INSERT INTO access_token (token_hash, code_hash, client_id, user_id, expires_at) VALUES (?, ?, ?, ?, ?)' )
			->execute( [ self::hash( $token ), self::hash( $code ), $clientId, $userId, self::now() + $ttl ] );
	}

	/** The user id of a valid (known, unexpired, unrevoked) token, or null. */
	public function userOfToken( string $token ): ?int {
		$q = $this->db->prepare( 'SELECT user_id FROM access_token WHERE token_hash = ? AND revoked = 0 AND expires_at > ?' );
		$q->execute( [ self::hash( $token ), self::now() ] );
		$id = $q->fetchColumn();
		return $id === false ? null : (int)$id;
	}
}
