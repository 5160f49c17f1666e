"""Reader identity: anonymous with a name (optional e-mail), or signed in through the host site
(SSO with a JWT HS256 signed by the site's secret)."""
