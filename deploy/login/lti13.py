"""Launch from the learning platform (Moodle, Canvas, Blackboard, ...) with LTI 1.3 instead of the class roster.

Loaded by deploy/one-machine/jupyterhub_config.py when PSOAS_HUB_LOGIN points at this file. The platform's
administrator registers the hub as an LTI 1.3 tool (login URL HUB/hub/lti13/oauth_login, redirect URL
HUB/hub/lti13/oauth_callback, public keys at HUB/hub/lti13/jwks) and gives the four values below; a student
who opens the course's link is logged in as themselves, and only the course's members can launch.
"""

import os

c = get_config()  # noqa: F821 (provided by JupyterHub)

c.JupyterHub.authenticator_class = "ltiauthenticator.lti13.auth.LTI13Authenticator"
c.LTI13Authenticator.issuer = os.environ["PSOAS_LTI_ISSUER"]  # e.g. https://moodle.example.edu
c.LTI13Authenticator.client_id = [os.environ["PSOAS_LTI_CLIENT_ID"]]
c.LTI13Authenticator.authorize_url = os.environ["PSOAS_LTI_AUTHORIZE_URL"]
c.LTI13Authenticator.jwks_endpoint = os.environ["PSOAS_LTI_JWKS_URL"]
# The platform's own user id is stable and plain (Moodle: a number); it becomes the student's Unix account, so
# it must match the hub's username_pattern. A platform with longer ids (Canvas: 40 characters) needs a
# shorter claim here, or a hub whose accounts are not Unix accounts (Kubernetes).
c.LTI13Authenticator.username_key = "sub"
c.LTI13Authenticator.tool_name = "Psoas release"
c.LTI13Authenticator.tool_description = "Teaching notebooks for the psoas release"
# Everyone the platform launches is a member of the course the link sits in.
c.Authenticator.allow_all = True
