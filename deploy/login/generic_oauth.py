"""Institutional single sign-on (OAuth 2 / OpenID Connect) instead of the class roster.

Loaded by deploy/one-machine/jupyterhub_config.py when PSOAS_HUB_LOGIN points at this file. The university's
identity provider registers the hub as a client with the callback URL below and gives its addresses, the
client id and secret; students log in with their university account and nobody needs a roster password.
"""

import os

c = get_config()  # noqa: F821 (provided by JupyterHub)

hub_url = os.environ["PSOAS_HUB_URL"]
provider = os.environ["PSOAS_OAUTH_PROVIDER"].rstrip("/")  # e.g. https://login.example.edu/realms/teaching

c.JupyterHub.authenticator_class = "generic-oauth"
c.GenericOAuthenticator.client_id = os.environ["PSOAS_OAUTH_CLIENT_ID"]
c.GenericOAuthenticator.client_secret = os.environ["PSOAS_OAUTH_CLIENT_SECRET"]
c.GenericOAuthenticator.oauth_callback_url = f"{hub_url}/hub/oauth_callback"
# The addresses below are Keycloak's; other providers list theirs at PROVIDER/.well-known/openid-configuration.
c.GenericOAuthenticator.authorize_url = f"{provider}/protocol/openid-connect/auth"
c.GenericOAuthenticator.token_url = f"{provider}/protocol/openid-connect/token"
c.GenericOAuthenticator.userdata_url = f"{provider}/protocol/openid-connect/userinfo"
c.GenericOAuthenticator.scope = ["openid", "profile", "email"]
c.GenericOAuthenticator.login_service = os.environ.get("PSOAS_OAUTH_NAME", "your university account")
# The hub's user name becomes a Unix account name: take the provider's short user name, which must match the
# hub's username_pattern (lowercase letters, digits, - and _), or the login is refused.
c.GenericOAuthenticator.username_claim = "preferred_username"
# Only the students of this course: a group the provider puts in the token (or list names in allowed_users).
c.GenericOAuthenticator.claim_groups_key = "groups"
c.GenericOAuthenticator.allowed_groups = {os.environ["PSOAS_OAUTH_COURSE_GROUP"]}
c.GenericOAuthenticator.admin_groups = {os.environ.get("PSOAS_OAUTH_INSTRUCTOR_GROUP", "instructors")}
c.GenericOAuthenticator.manage_groups = True
c.Authenticator.allow_all = False
