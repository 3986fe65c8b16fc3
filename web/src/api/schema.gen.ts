// Generated from the server's OpenAPI document by `npm run console:client`. Do not edit.

export interface paths {
    "/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Apps */
        get: operations["listApps"];
        put?: never;
        /**
         * Create App
         * @description Creates an app. Its folder must be an app folder of the workspace; `createdBy` is the token user's email.
         */
        post: operations["createApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get App */
        get: operations["getApp"];
        /**
         * Update App
         * @description Changes the fields given. The audit event lists only the fields whose value changed; a request that changes nothing records none.
         */
        put: operations["updateApp"];
        post?: never;
        /** Delete App */
        delete: operations["deleteApp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apps/{appId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Export App
         * @description The app as a ToolJet export file, with its newest version, the version named by `appVersion` (400 `app_version_not_found` when it has none of that name), or all of them. It changes nothing but is recorded (`app.exported`).
         */
        post: operations["exportApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apps/{appId}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List App Versions */
        get: operations["listAppVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/apps/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import App
         * @description Creates an app from a ToolJet export file, at the top level or in the app folder `folderId` (up to 32 MiB), with new ids for the app and its versions. The caller is its creator. A name another app of the workspace has is a 409 `app_name_taken`; a file from a newer ToolJet release than this server reads is a 400.
         */
        post: operations["importApp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auditEvents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Audit Events
         * @description Lists the recorded writes of the workspace, newest first, and for an instance-wide token also the instance-level ones (accounts, instance-wide tokens). Every successful write records one event in its own transaction; a refused write, and a write that changes nothing (adding a present group member, an update with the current values), record none. Pages follow `nextCursor`, so events recorded meanwhile never make a page repeat or skip one.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in
         * @description Checks the email and password and starts a session, set as the `tp_session` cookie. Send the `x-toolplane-csrf` header (any value). Every failure is the same 401 `invalid_credentials`; repeated failures per account or address are a 429. An account with two-factor on also needs `totpCode` or `recoveryCode`: with the right password and neither, the answer is a 401 `second_factor_required`; a wrong or reused code is an `invalid_credentials` failure.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session making the request and clears its cookie. A request made with a token has no session to end (400).
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link
         * @description Emails a one-time link, valid for an hour, to the account with this email when it is active; a newer link replaces an older one. The answer is the same 202 for every email, with an account or not. Links go out by email only: without `SMTP_URL` nothing is sent, and the operator sets passwords with `toolplane users set-password`. Limited per email and per client address (429).
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset link
         * @description Sets the password of the link's account and ends every session of the person; the link then no longer works. An unknown token is a 404 `invalid_token`; a used, replaced or expired one a 410 `reset_gone`. Either changes nothing.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sso/{workspaceId}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start single sign-on
         * @description Redirects (302) to the workspace's identity provider. The sign-in must come back to the callback within 10 minutes. A `returnTo` that is not a path on this server is a 400; a workspace without single sign-on a 404.
         */
        get: operations["startSso"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finish single sign-on
         * @description Where the provider sends the browser back. Sets the session cookie and redirects (302) to the `returnTo` given at the start. 400 `invalid_sso_state` (unknown, used, expired or altered state), 400 `sso_failed` (the code was refused, e.g. used twice or expired, or the answer failed its checks), 403 `sso_email_unverified`, `sso_domain_refused`, `sso_not_a_member`, `sso_account_archived` or `sso_membership_archived`.
         */
        get: operations["finishSso"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/apply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Apply Configuration
         * @description Applies the configuration in one transaction, all or nothing, if it still makes the plan reviewed (409 `config_state_changed` otherwise). Each change needs the write scope of its area, as the native API's route for it does (403 `missing_scope` naming it; nothing is applied). Every audit event of the apply carries its id as `requestId`.
         */
        post: operations["applyConfiguration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export Configuration
         * @description The current state as a configuration file, as `toolplane export` writes it. A credential of one workspace exports that one.
         */
        get: operations["exportConfiguration"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/config/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan Configuration
         * @description What applying the configuration would change, as `toolplane plan --json` prints it. Needs the read scopes of every section (workspaces, environments, users, groups, folders); a credential of one workspace may describe only that one (403 `workspace_forbidden`). A file problem is a 400 `config_invalid` naming each problem's file, line and column.
         */
        post: operations["planConfiguration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Environments */
        get: operations["listEnvironments"];
        put?: never;
        /**
         * Create Environment
         * @description Creates an environment. Names are unique in the workspace (409 `environment_name_taken`); with `isDefault: true` it replaces the current default.
         */
        post: operations["createEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments/{environmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Environment */
        get: operations["getEnvironment"];
        put?: never;
        post?: never;
        /**
         * Delete Environment
         * @description Deletes the environment and every resource configuration made for it. The default environment cannot be deleted (409 `environment_is_default`).
         */
        delete: operations["deleteEnvironment"];
        options?: never;
        head?: never;
        /**
         * Update Environment
         * @description Changes name, description or colour, or makes the environment the default (the previous default stops being one). `isDefault: false` on the default is a 400 `environment_default_required`.
         */
        patch: operations["updateEnvironment"];
        trace?: never;
    };
    "/folders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Folders */
        get: operations["listFolders"];
        put?: never;
        /**
         * Create Folder
         * @description Creates a folder. A folder nests only inside a folder of the same type.
         */
        post: operations["createFolder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/folders/{folderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Folder */
        get: operations["getFolder"];
        /**
         * Update Folder
         * @description Renames or moves a folder. Moving a folder inside itself or its subfolders is refused (400 `folder_cycle`). The current name and parent change nothing and record no audit event.
         */
        put: operations["updateFolder"];
        post?: never;
        /**
         * Delete Folder
         * @description Deletes an empty folder; a folder with subfolders, apps or resources is a 409 `folder_not_empty`.
         */
        delete: operations["deleteFolder"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Groups */
        get: operations["listGroups"];
        put?: never;
        /** Create Group */
        post: operations["createGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Group */
        get: operations["getGroup"];
        /**
         * Update Group
         * @description Renames the group; the current name changes nothing and records no audit event.
         */
        put: operations["updateGroup"];
        post?: never;
        /**
         * Delete Group
         * @description Deletes the group; its members stay in the workspace.
         */
        delete: operations["deleteGroup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Group Members */
        get: operations["listGroupMembers"];
        put?: never;
        /**
         * Add Member to Group
         * @description Adds a member of the workspace to the group; adding a present member changes nothing and records no audit event.
         */
        post: operations["addGroupMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/groups/{groupId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove Member from Group */
        delete: operations["removeGroupMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invite/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invite Page
         * @description The accept page of an invitation link, for people with a browser: an HTML form naming the workspace, the role and the email.
         */
        get: operations["getInvitePage"];
        put?: never;
        /**
         * Accept Invite (Page)
         * @description Accepts the invite from the page's form (`application/x-www-form-urlencoded`), exactly as `POST /invites/accept` does, and answers with a short HTML result page. Limited to 10 attempts a minute per client address, counted with the API's.
         */
        post: operations["acceptInvitePage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Invites
         * @description Lists the workspace's invites, oldest first, optionally in one state only.
         */
        get: operations["listInvites"];
        put?: never;
        /**
         * Create Invites
         * @description Invites people to the workspace by email: one invite (201) or an array of them (207, answered per item). The invitation email is sent when SMTP is configured; otherwise the response carries the accept link, once.
         */
        post: operations["createInvites"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invites/{inviteId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Invite */
        get: operations["getInvite"];
        put?: never;
        post?: never;
        /**
         * Revoke Invite
         * @description Revokes a pending or expired invite: its link stops working. An accepted or revoked invite is a 409.
         */
        delete: operations["revokeInvite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invites/{inviteId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend Invite
         * @description Issues a new link for a pending or expired invite (earlier links stop working), renews its expiry and sends the email again.
         */
        post: operations["resendInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept Invite
         * @description Accepts an invite with the token of its link, as the invite page does; no API token. Limited to 10 attempts a minute per client address (429 `rate_limited`). An unknown token is a 404 `invalid_token`, a used, revoked or expired one a 410 `invite_gone`.
         */
        post: operations["acceptInvite"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the signed-in person
         * @description The person the session (or token) acts for, with the workspaces they belong to and their role in each.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change one's own names
         * @description Changes the first and last name of one's own account, in every workspace that shows the account's names.
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change one's own password
         * @description Sets a new password once the current one is given (when the account has one), and ends every other session of the person. A wrong current password is a 403 `wrong_password`.
         */
        post: operations["changeMyPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List one's sessions
         * @description The person's live sessions, newest first; `current` marks the one making the request.
         */
        get: operations["listMySessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End one of one's sessions
         * @description Signs the session out wherever it is used. Another person's session, or an unknown one, is a 404.
         */
        delete: operations["endMySession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/two-factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Turn two-factor sign-in off
         * @description Turns two-factor off (or abandons a setup), forgetting the secret and the recovery codes, for the account's `password` (a wrong one is a 403 `wrong_password`) or a current `code` of the app (a wrong one is a 400 `wrong_code`). Every other session of the person ends.
         */
        delete: operations["disableTwoFactor"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/two-factor/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn two-factor sign-in on
         * @description Checks a code of the authenticator app against the secret from setup and turns two-factor on, answering ten recovery codes, shown this once. Every other session of the person ends (they signed in without it). A wrong or reused code is a 400 `wrong_code` naming `code`; without a setup under way it is a 409 `two_factor_not_set_up`.
         */
        post: operations["confirmTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/two-factor/recovery-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace one's recovery codes
         * @description For a current code of the authenticator app, answers ten new recovery codes; the earlier ones stop working. A wrong code is a 400 `wrong_code`; with two-factor off it is a 409 `two_factor_not_enabled`.
         */
        post: operations["regenerateRecoveryCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me/two-factor/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start two-factor enrolment
         * @description Makes a new TOTP secret for one's own account, stored encrypted and not yet in force, and answers it with its `otpauth://` URI and a QR code. Calling again replaces a secret not yet confirmed. With two-factor on it is a 409 `two_factor_enabled`.
         */
        post: operations["setUpTwoFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/permissions/accessList/{objectType}/{objectId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the access list of an object
         * @description Every member and group with access to the object, with the effective level and where it comes from.
         */
        get: operations["getPermissionAccessList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/permissions/grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Grant a permission
         * @description Gives a group or user an access level on an app, resource, folder or workflow; granting again replaces the level. A folder grant flows to everything in the folder and its subfolders. Levels above use are refused for end users and for groups with end-user members.
         */
        post: operations["grantPermission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/permissions/listObjects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** List objects a subject can access */
        post: operations["listPermissionObjects"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/permissions/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a permission
         * @description Removes the grant the subject holds on the object; 404 when it holds none.
         */
        post: operations["revokePermission"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reset-password/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Password Reset Page
         * @description The page of an emailed password reset link, for people with a browser: a form choosing a new password.
         */
        get: operations["getPasswordResetPage"];
        put?: never;
        /**
         * Set a New Password (Page)
         * @description Sets the new password from the page's form (`application/x-www-form-urlencoded`), exactly as `POST /auth/password-reset/confirm` does, and answers with a short HTML result page.
         */
        post: operations["confirmPasswordResetPage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Resources */
        get: operations["listResources"];
        put?: never;
        /**
         * Create Resource
         * @description Creates a resource. `secrets` are encrypted with AES-256-GCM and never returned; only their names are.
         */
        post: operations["createResource"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Resource */
        get: operations["getResource"];
        /**
         * Update Resource
         * @description Changes the fields given; a secret set to null is removed. The audit event lists the fields whose value changed and the names of the secrets set or removed, never their values; a request that changes nothing records none.
         */
        put: operations["updateResource"];
        post?: never;
        /**
         * Delete Resource
         * @description Deletes a resource no app uses; one still in use is a 409 `resource_in_use`.
         */
        delete: operations["deleteResource"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}/configurations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Resource Configurations
         * @description The resource's effective configuration in every environment of the workspace.
         */
        get: operations["listResourceConfigurations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/resources/{resourceId}/configurations/{environmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Resource Configuration
         * @description The resource's effective configuration in the environment: options merged over the resource's own, and the names of the secrets with where each comes from. Secret values never appear.
         */
        get: operations["getResourceConfiguration"];
        /**
         * Set Resource Configuration
         * @description Creates (201) or changes (200) the environment's own configuration of the resource. `secrets` are encrypted with AES-256-GCM and never returned; only their names are.
         */
        put: operations["putResourceConfiguration"];
        post?: never;
        /**
         * Delete Resource Configuration
         * @description Removes the environment's own configuration; the resource's own options and secrets then apply there. 404 `resource_configuration_not_found` when it has none.
         */
        delete: operations["deleteResourceConfiguration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Single Sign-On
         * @description The acting workspace's OpenID Connect configuration, with the redirect URI to register at the provider. 404 `sso_not_configured` without one.
         */
        get: operations["getSsoConfiguration"];
        /**
         * Set Single Sign-On
         * @description Creates (201) or replaces (200) the acting workspace's configuration. Group and attribute names must exist in the workspace (400 naming the mapping). `clientSecret` is encrypted at rest and never returned.
         */
        put: operations["putSsoConfiguration"];
        post?: never;
        /**
         * Remove Single Sign-On
         * @description Removes the configuration; members sign in with passwords again. 404 `sso_not_configured` without one.
         */
        delete: operations["deleteSsoConfiguration"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Tokens
         * @description Lists the tokens bound to the workspace, oldest first, and the instance-wide ones when the calling token is instance-wide. Never their secrets.
         */
        get: operations["listTokens"];
        put?: never;
        /**
         * Create Token
         * @description Creates a token acting for the calling token's user and answers its secret, once. A scope the calling token lacks is a 403 `scope_escalation`; a binding outside its reach a 403 `workspace_forbidden`.
         */
        post: operations["createToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Token */
        get: operations["getToken"];
        put?: never;
        post?: never;
        /**
         * Revoke Token
         * @description Revokes the token: it is a 401 from then on. A revoked token is a 409 `token_revoked`.
         */
        delete: operations["revokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tokens/{tokenId}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate Token
         * @description Gives the token a new secret, answered once; the old secret stops working at once. A token with scopes the calling token lacks is a 403 `scope_escalation`.
         */
        post: operations["rotateToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/userAttributes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List User Attributes
         * @description Lists the user attributes defined in the workspace, by name.
         */
        get: operations["listUserAttributes"];
        put?: never;
        /**
         * Create User Attribute
         * @description Defines a user attribute. The name must be unique in the workspace (409 `attribute_name_taken`); a defaultValue must have the dataType (400).
         */
        post: operations["createUserAttribute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/userAttributes/{attributeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get User Attribute */
        get: operations["getUserAttribute"];
        put?: never;
        post?: never;
        /**
         * Delete User Attribute
         * @description Removes the definition and, unless `clearValues=false`, every user's value of it.
         */
        delete: operations["deleteUserAttribute"];
        options?: never;
        head?: never;
        /**
         * Update User Attribute
         * @description Changes the label and the default. name and dataType are fixed after creation (400 `immutable_field` for a different value). The current values change nothing and record no audit event.
         */
        patch: operations["updateUserAttribute"];
        trace?: never;
    };
    "/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Users
         * @description Lists the members of the workspace, oldest first, one page at a time; `q`, `role`, `status` and `groupId` narrow the list to the members matching all of those given, and `total` counts those.
         */
        get: operations["listUsers"];
        put?: never;
        /**
         * Create User
         * @description Adds a user to the workspace. The email must not belong to a member already (409). An array of bodies adds each user in its own transaction and answers 207 with every item's outcome in order: the status it would have had alone (201, 400, 409) and the user or the error. A refused item changes nothing and does not stop the others.
         */
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get User */
        get: operations["getUser"];
        /**
         * Update User
         * @description Updates names, admin status, user type, disabled state and attribute values. Demoting, disabling or deleting the last active admin is refused (409 `last_admin`). The audit event lists only the fields whose value changed; a request that changes nothing records none.
         */
        put: operations["updateUser"];
        post?: never;
        /**
         * Delete User
         * @description Removes the user from the workspace and from its groups.
         */
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{userId}/attributes/{attributeName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set User Attribute Value
         * @description Sets one attribute value of the user. The attribute must be defined in the workspace (404 `attribute_not_found`) and the value of its dataType (400 naming `value`); null removes the value. Setting the current value records no audit event.
         */
        put: operations["setUserAttributeValue"];
        post?: never;
        /**
         * Remove User Attribute Value
         * @description Removes one attribute value of the user, who then shows the attribute's default. The attribute must be defined in the workspace (404 `attribute_not_found`); removing a value the user does not have changes nothing.
         */
        delete: operations["deleteUserAttributeValue"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List Workflows */
        get: operations["listWorkflows"];
        put?: never;
        /**
         * Create Workflow
         * @description Creates a workflow. Its folder must be a workflow folder of the workspace.
         */
        post: operations["createWorkflow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workflows/{workflowId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get Workflow */
        get: operations["getWorkflow"];
        put?: never;
        post?: never;
        /**
         * Delete Workflow
         * @description Deletes the workflow and every permission grant on it.
         */
        delete: operations["deleteWorkflow"];
        options?: never;
        head?: never;
        /** Update Workflow */
        patch: operations["updateWorkflow"];
        trace?: never;
    };
    "/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List Workspaces
         * @description Lists the instance's workspaces, oldest first, archived ones included unless filtered out. Needs an instance-wide token.
         */
        get: operations["listWorkspaces"];
        put?: never;
        /**
         * Create Workspace
         * @description Creates an active workspace. The user the calling token acts for becomes its admin (an active membership with role admin), so the workspace can be managed at once. Needs an instance-wide token; a name in use is a 409.
         */
        post: operations["createWorkspace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Workspace
         * @description A workspace's name, status, email domains, two-factor requirement and SCIM default role. Needs an instance-wide token.
         */
        get: operations["getWorkspace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Update Workspace
         * @description Renames a workspace, replaces its email domains, requires two-factor sign-in of its sessions or not, sets the role SCIM gives new members, or archives or restores it. Needs an instance-wide token; a name in use is a 409 `workspace_name_taken`, archiving the default workspace a 409 `workspace_is_default`.
         */
        patch: operations["updateWorkspace"];
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listApps: {
        parameters: {
            query?: {
                /** @description Page number for pagination (1-based). */
                page?: number;
                /** @description Number of records per page. */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated list of apps. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The records of this page. */
                        data: {
                            /**
                             * Format: date-time
                             * @description Timestamp when the app was created.
                             */
                            createdAt: string;
                            /** @description The email of the user who created the app. */
                            createdBy: string;
                            /** @description A description of the application's purpose. */
                            description: string;
                            /** @description The identifier of the folder containing this app; absent at the top level. */
                            folderId?: string;
                            /** @description The unique identifier for the app. */
                            id: string;
                            /** @description The name of the application. */
                            name: string;
                            /** @description Resource identifiers used by this app. */
                            resources: string[];
                            /**
                             * Format: date-time
                             * @description Timestamp when the app was last updated.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Current page number. */
                        page: number;
                        /** @description Number of records per page. */
                        pageSize: number;
                        /** @description Total number of records across all pages. */
                        total: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for creating a new app. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description A description of the application's purpose. */
                    description?: string;
                    /**
                     * Format: uuid
                     * @description The app folder to place the app in.
                     */
                    folderId?: string;
                    /** @description The name of the new application. */
                    name: string;
                    /** @description Resource identifiers the app uses; replaces the whole list when given. */
                    resources?: string[];
                };
            };
        };
        responses: {
            /** @description An application. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the app was created.
                         */
                        createdAt: string;
                        /** @description The email of the user who created the app. */
                        createdBy: string;
                        /** @description A description of the application's purpose. */
                        description: string;
                        /** @description The identifier of the folder containing this app; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the app. */
                        id: string;
                        /** @description The name of the application. */
                        name: string;
                        /** @description Resource identifiers used by this app. */
                        resources: string[];
                        /**
                         * Format: date-time
                         * @description Timestamp when the app was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the app; an id naming no app of the workspace is a 404 `app_not_found`. */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An application. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the app was created.
                         */
                        createdAt: string;
                        /** @description The email of the user who created the app. */
                        createdBy: string;
                        /** @description A description of the application's purpose. */
                        description: string;
                        /** @description The identifier of the folder containing this app; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the app. */
                        id: string;
                        /** @description The name of the application. */
                        name: string;
                        /** @description Resource identifiers used by this app. */
                        resources: string[];
                        /**
                         * Format: date-time
                         * @description Timestamp when the app was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the app; an id naming no app of the workspace is a 404 `app_not_found`. */
                appId: string;
            };
            cookie?: never;
        };
        /** @description Request body for updating an app's metadata; fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Updated description for the application. */
                    description?: string;
                    /** @description Move the app to a different app folder; null moves it to the top level. */
                    folderId?: string | null;
                    /** @description Updated name for the application. */
                    name?: string;
                    /** @description Resource identifiers the app uses; replaces the whole list when given. */
                    resources?: string[];
                };
            };
        };
        responses: {
            /** @description An application. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the app was created.
                         */
                        createdAt: string;
                        /** @description The email of the user who created the app. */
                        createdBy: string;
                        /** @description A description of the application's purpose. */
                        description: string;
                        /** @description The identifier of the folder containing this app; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the app. */
                        id: string;
                        /** @description The name of the application. */
                        name: string;
                        /** @description Resource identifiers used by this app. */
                        resources: string[];
                        /**
                         * Format: date-time
                         * @description Timestamp when the app was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the app; an id naming no app of the workspace is a 404 `app_not_found`. */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    exportApp: {
        parameters: {
            query?: {
                /** @description Export every version (wins over appVersion). */
                allVersions?: boolean;
                /** @description Export only the version of this name; without it (and without allVersions) the newest. */
                appVersion?: string;
            };
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The unique identifier of the app; an id naming no app of the workspace is a 404 `app_not_found`. */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A ToolJet export file of one app; ToolJet imports it, and so does `POST /apps/import`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The exported app (one). */
                        app: {
                            /** @description The app's definition. */
                            definition: {
                                /** @description The app's definition as ToolJet writes it: its own fields, components, pages, queries, data sources, events and appVersions. */
                                appV2: {
                                    [key: string]: unknown;
                                };
                            };
                        }[];
                        /** @description The ToolJet release the file is written for. */
                        tooljet_version: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listAppVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unique identifier of the app; an id naming no app of the workspace is a 404 `app_not_found`. */
                appId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of an app's versions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The app's versions, oldest first. */
                        data: {
                            /**
                             * Format: date-time
                             * @description Timestamp when the version was created.
                             */
                            createdAt: string;
                            /** @description The unique identifier of the version. */
                            id: string;
                            /** @description The name of the version, such as `v1`. */
                            name: string;
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    importApp: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A ToolJet export file as it was downloaded, optionally with a name for the new app. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `app` list of the export file. */
                    app: {
                        /** @description The app's definition. */
                        definition: {
                            /** @description The app's definition as ToolJet writes it: its own fields, components, pages, queries, data sources, events and appVersions. */
                            appV2: {
                                [key: string]: unknown;
                            };
                        };
                    }[];
                    /** @description The new app's name; defaults to the name in the file. */
                    appName?: string;
                    /**
                     * Format: uuid
                     * @description The app folder to put the new app in; the top level without it.
                     */
                    folderId?: string;
                    /** @description The ToolJet release the file was exported from; newer than this server's is refused. */
                    tooljet_version: string;
                };
            };
        };
        responses: {
            /** @description An application. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the app was created.
                         */
                        createdAt: string;
                        /** @description The email of the user who created the app. */
                        createdBy: string;
                        /** @description A description of the application's purpose. */
                        description: string;
                        /** @description The identifier of the folder containing this app; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the app. */
                        id: string;
                        /** @description The name of the application. */
                        name: string;
                        /** @description Resource identifiers used by this app. */
                        resources: string[];
                        /**
                         * Format: date-time
                         * @description Timestamp when the app was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The request body is larger than 1 MiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Only this action (`user.created`), or every action with a prefix when it ends in `.*` (`user.*`). */
                action?: string;
                /** @description Only events made with this API token. */
                actorTokenId?: string;
                /** @description Only events made by tokens acting for this user. */
                actorUserId?: string;
                /** @description The `nextCursor` of the previous page; absent for the first page. */
                cursor?: string;
                /** @description Events per page, 1 to 1000. */
                limit?: number;
                /** @description Only events at or after this ISO-8601 date-time. */
                since?: string;
                /** @description Only events about the object with this identifier. */
                targetId?: string;
                /** @description Only events about this kind of object (`user`, `group`, ...). */
                targetType?: string;
                /** @description Only events at or before this ISO-8601 date-time. */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The events of this page, newest first. */
                        data: {
                            /** @description What was done: `<target type>.<past participle>`, such as `user.created` or `group.member_added`. */
                            action: string;
                            /** @description Who made the write. */
                            actor: {
                                /** @description The client address the write came from; null for local commands and the server itself. */
                                address: string | null;
                                /** @description The API token used, for `token` actors. */
                                tokenId: string | null;
                                /** @description Who made the write: `token` (a native API token), `session` (a signed-in person), `external_api` (the ToolJet dialect's access token), `public` (an invitee accepting an invite, a sign-in), `cli` (a local command) or `system` (the server itself). */
                                type: string;
                                /** @description The client's user agent (up to 512 characters); null when it sent none, and for local commands. */
                                userAgent: string | null;
                                /** @description The user the token acts for, for `token` actors; the signed-in person, for `session` actors. */
                                userId: string | null;
                            };
                            /** @description The fields the write set, with their new values; for an update only those that changed. Secret values, passwords and token secrets are never recorded, only the names of the secrets set. */
                            changes: {
                                [key: string]: unknown;
                            };
                            /** @description The event's number; later events have larger numbers. */
                            id: number;
                            /**
                             * Format: date-time
                             * @description When the write was made.
                             */
                            occurredAt: string;
                            /** @description The `x-request-id` of the HTTP request that made the write; for a configuration apply, its id (`apply_…`); null for other local commands. */
                            requestId: string | null;
                            /** @description The API the write came through when it was not this one: `scim` or `retool-v2`; null for the native API, the ToolJet API and local commands. */
                            source: string | null;
                            /** @description The object the write was about. */
                            target: {
                                /** @description The object's identifier, as text. */
                                id: string;
                                /** @description The kind of object written: `user`, `group`, `app`, `token`, ... */
                                type: string;
                            };
                            /** @description The workspace of the target; null for instance-level targets (accounts, instance-wide tokens). */
                            workspaceId: string | null;
                        }[];
                        /** @description Pass as `cursor` to read the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Signing in with a password, and a second factor when the account has two-factor on. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The account's email address, in any case. */
                    email: string;
                    /** @description The account's password. */
                    password: string;
                    /** @description With two-factor on, in place of `totpCode`: one of the account's recovery codes, which then stops working. */
                    recoveryCode?: string;
                    /** @description With two-factor on: the 6-digit code the authenticator app shows now. Each code works once. */
                    totpCode?: string;
                };
            };
        };
        responses: {
            /** @description The person signed in, and their new session; the secret is set as the `tp_session` cookie. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The signed-in person. */
                        me: {
                            /** @description The workspace a session acts in without X-Workspace-Id; null means the default workspace. */
                            defaultWorkspaceId: string | null;
                            /** @description The account's email address. */
                            email: string;
                            /** @description The account's first name. */
                            firstName: string;
                            /**
                             * Format: uuid
                             * @description The account's identifier.
                             */
                            id: string;
                            /** @description An active admin of the default workspace, who acts instance-wide. */
                            instanceAdmin: boolean;
                            /** @description The account's last name. */
                            lastName: string;
                            /** @description Whether signing in asks for a second factor. */
                            twoFactorEnabled: boolean;
                            /** @description The active workspaces the person belongs to. */
                            workspaces: {
                                /**
                                 * Format: uuid
                                 * @description The workspace's identifier.
                                 */
                                id: string;
                                /** @description The workspace's name. */
                                name: string;
                                /**
                                 * @description The role in the workspace.
                                 * @enum {unknown}
                                 */
                                role: "admin" | "builder" | "end-user";
                                /**
                                 * @description The membership's status; only `active` may act.
                                 * @enum {unknown}
                                 */
                                status: "active" | "invited" | "archived";
                            }[];
                        };
                        /** @description A signed-in session. Its secret lives only in the browser's cookie. */
                        session: {
                            /** @description The client address that signed in. */
                            address: string | null;
                            /**
                             * Format: date-time
                             * @description When the person signed in.
                             */
                            createdAt: string;
                            /** @description Whether this is the session making the request. */
                            current: boolean;
                            /**
                             * Format: date-time
                             * @description When the session ends at the latest, used or not.
                             */
                            expiresAt: string;
                            /**
                             * Format: uuid
                             * @description The session's identifier.
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the session was last used (to the minute).
                             */
                            lastSeenAt: string;
                            /** @description How the person signed in: `password` or `sso`. */
                            method: string;
                            /** @description The browser or client that signed in. */
                            userAgent: string | null;
                        };
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Asking for a password reset link by email. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The email of the account whose password is forgotten, in any case. */
                    email: string;
                };
            };
        };
        responses: {
            /** @description The request is taken: a link is emailed when the email belongs to an active account and SMTP is configured. */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The same sentence for every email, whether it has an account or not. */
                        message: string;
                    };
                };
            };
            /** @description The body is malformed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many reset requests for this email or from this address (`rate_limited`); `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Setting a new password with a reset link. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new password, 8 characters or more. */
                    password: string;
                    /** @description The token of the emailed link (`tpr_…`, the last segment of `/reset-password/<token>`). */
                    token: string;
                };
            };
        };
        responses: {
            /** @description The password is set; every session of the person has ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The body is malformed, or the password is shorter than 8 characters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The link is not valid (`invalid_token`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The link was used, replaced by a newer one, or has expired, or its account is no longer active (`reset_gone`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests without credentials from this address (`rate_limited`). */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    startSso: {
        parameters: {
            query?: {
                /** @description A path on this server to land on after signing in; default `/`. */
                returnTo?: string;
            };
            header?: never;
            path: {
                /** @description The workspace to sign in to. */
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A redirect; `Location` says where. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    finishSso: {
        parameters: {
            query?: {
                /** @description The authorization code. */
                code?: string;
                /** @description The provider's error, when it refused. */
                error?: string;
                /** @description The provider's explanation of the error. */
                error_description?: string;
                /** @description The issuer that answered (RFC 9207). */
                iss?: string;
                /** @description The state Toolplane sent, back from the provider. */
                state?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A redirect; `Location` says where. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Error. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    applyConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A configuration to apply, and the plan it must still make. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The `changesDigest` of the plan that was reviewed: nothing is applied (409 `config_state_changed`) when the files no longer make those changes. */
                    changesDigest: string;
                    /** @description Values of the `${env:NAME}` references, by name, read by the client. The server never reads its own environment for them: a reference without a value here is an error. */
                    env?: {
                        [key: string]: string;
                    };
                    /** @description The configuration's files, merged in this order as `-f` merges them. */
                    files: {
                        /** @description The file's YAML text, as written (its `${...}` references unresolved). */
                        content: string;
                        /** @description The file's name as errors and plan lines cite it, such as `config/toolplane.yaml`. */
                        name: string;
                    }[];
                    /** @description Contents of the files `${file:path}` references name, read by the client, by the path joined to the folder of the referring file's name (`config/secrets/key.txt` for `${file:secrets/key.txt}` in `config/toolplane.yaml`). The server never reads its own disk for them. */
                    referencedFiles?: {
                        [key: string]: string;
                    };
                    /** @description The `stateFingerprint` of the plan that was reviewed: nothing is applied (409 `config_state_changed`) when the instance is no longer in that state. */
                    stateFingerprint: string;
                    /** @description Values for `${name}` references, as `--var name=value` gives them: they win over every file's `vars:`. */
                    vars?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description The apply, made. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The apply's id (`apply_<uuid>`): the `requestId` of each of its audit events. */
                        applyId: string;
                        /** @description The invites the apply made, delivered after it committed. */
                        invites: {
                            /** @description The link accepting the invite, shown this once; only when the server has no mailer to send it. */
                            acceptUrl?: string;
                            /** @description The invitee. */
                            email: string;
                            /** @description Why sending its email failed (the invite stays pending; resend it); null when it did not. */
                            sendError: string | null;
                        }[];
                        /** @description How many objects of each kind of change. */
                        summary: {
                            /** @description Objects to create. */
                            create: number;
                            /** @description Objects to delete. */
                            delete: number;
                            /** @description Objects to update. */
                            update: number;
                        };
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The request body is larger than 1 MiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    exportConfiguration: {
        parameters: {
            query?: {
                /** @description The workspace to export, by name; every workspace the credential may read when left out. */
                workspace?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current state as a configuration file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The configuration file (YAML) describing the state. */
                        content: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    planConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A configuration to plan: its files and the values of their references. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Values of the `${env:NAME}` references, by name, read by the client. The server never reads its own environment for them: a reference without a value here is an error. */
                    env?: {
                        [key: string]: string;
                    };
                    /** @description The configuration's files, merged in this order as `-f` merges them. */
                    files: {
                        /** @description The file's YAML text, as written (its `${...}` references unresolved). */
                        content: string;
                        /** @description The file's name as errors and plan lines cite it, such as `config/toolplane.yaml`. */
                        name: string;
                    }[];
                    /** @description Contents of the files `${file:path}` references name, read by the client, by the path joined to the folder of the referring file's name (`config/secrets/key.txt` for `${file:secrets/key.txt}` in `config/toolplane.yaml`). The server never reads its own disk for them. */
                    referencedFiles?: {
                        [key: string]: string;
                    };
                    /** @description Values for `${name}` references, as `--var name=value` gives them: they win over every file's `vars:`. */
                    vars?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description What applying the configuration would change: the same document as `toolplane plan --json`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The changes, per workspace, deletions first. */
                        changes: {
                            /** @description Where the file declares the object; absent for deletions. */
                            at?: {
                                /** @description The 1-based column. */
                                col: number;
                                /** @description The file, as its `name` was sent. */
                                file: string;
                                /** @description The 1-based line. */
                                line: number;
                            };
                            /** @description The fields that change; empty for a deletion. */
                            fields: {
                                /** @description For a set (a group's members, by email): what is added. */
                                added?: string[];
                                /** @description For an app's `definition`: the digests of its versions now and in the file; the definition itself is never shown. */
                                digest?: {
                                    /** @description The SHA-256 digest of the current definition; absent for a new app. */
                                    from?: string;
                                    /** @description The SHA-256 digest of the file's definition. */
                                    to: string;
                                };
                                /** @description The field's name, as the file spells it. */
                                field: string;
                                /** @description Its value now (updates only). */
                                from?: unknown;
                                /** @description For a set: what is removed. */
                                removed?: string[];
                                /** @description For a secret (`secrets.<name>`): that it is set to a new value or removed; its values are never shown. */
                                secret?: "changed" | "removed";
                                /** @description The value it takes. */
                                to?: unknown;
                            }[];
                            /** @description For a folder: its type and path. */
                            folder?: {
                                /** @description The names of the folder and its parents, from the top. */
                                path: string[];
                                /** @description The folder's type: `app`, `resource` or `workflow`. */
                                type: string;
                            };
                            /** @description The object's natural key: a name, a member's email, a folder's `type:/path`. */
                            key: string;
                            /** @description What happens to the object. */
                            kind: "create" | "update" | "delete";
                            /** @description The kind of object: `workspace`, `environment`, `userAttribute`, `group`, `member`, `folder`, ... */
                            object: string;
                            /** @description The name of the workspace the object is in. */
                            workspace: string;
                        }[];
                        /** @description A digest of the changes; give it to apply. */
                        changesDigest: string;
                        /** @description A digest of the state the plan was made against; give it to apply. */
                        stateFingerprint: string;
                        /** @description How many objects of each kind of change. */
                        summary: {
                            /** @description Objects to create. */
                            create: number;
                            /** @description Objects to delete. */
                            delete: number;
                            /** @description Objects to update. */
                            update: number;
                        };
                        /** @description The workspaces the configuration describes. */
                        workspaces: string[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The request body is larger than 1 MiB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listEnvironments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of environments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The workspace's environments, oldest first. */
                        data: {
                            /** @description The colour the environment is shown in, as `#rrggbb` in lower case; null when none was chosen. */
                            color: string | null;
                            /**
                             * Format: date-time
                             * @description Timestamp when the environment was created.
                             */
                            createdAt: string;
                            /** @description A description of the environment; empty when none was given. */
                            description: string;
                            /**
                             * Format: uuid
                             * @description The unique identifier of the environment.
                             */
                            id: string;
                            /** @description Whether this is the workspace's default environment. Exactly one environment is. */
                            isDefault: boolean;
                            /** @description The name of the environment, unique in the workspace. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description Timestamp when the environment was last updated.
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for creating an environment. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The colour to show the environment in, as `#rrggbb` (such as `#3b82f6`); null or left out for none. */
                    color?: string | null;
                    /** @description A description of the environment. */
                    description?: string;
                    /** @description Make the new environment the default in place of the current one. The first environment of a workspace is the default anyway. */
                    isDefault?: boolean;
                    /** @description The name of the environment, unique in the workspace; no surrounding spaces. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A deployment environment of the workspace (development, staging, production, ...). */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The colour the environment is shown in, as `#rrggbb` in lower case; null when none was chosen. */
                        color: string | null;
                        /**
                         * Format: date-time
                         * @description Timestamp when the environment was created.
                         */
                        createdAt: string;
                        /** @description A description of the environment; empty when none was given. */
                        description: string;
                        /**
                         * Format: uuid
                         * @description The unique identifier of the environment.
                         */
                        id: string;
                        /** @description Whether this is the workspace's default environment. Exactly one environment is. */
                        isDefault: boolean;
                        /** @description The name of the environment, unique in the workspace. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the environment was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the environment. */
                environmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A deployment environment of the workspace (development, staging, production, ...). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The colour the environment is shown in, as `#rrggbb` in lower case; null when none was chosen. */
                        color: string | null;
                        /**
                         * Format: date-time
                         * @description Timestamp when the environment was created.
                         */
                        createdAt: string;
                        /** @description A description of the environment; empty when none was given. */
                        description: string;
                        /**
                         * Format: uuid
                         * @description The unique identifier of the environment.
                         */
                        id: string;
                        /** @description Whether this is the workspace's default environment. Exactly one environment is. */
                        isDefault: boolean;
                        /** @description The name of the environment, unique in the workspace. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the environment was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the environment. */
                environmentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the environment. */
                environmentId: string;
            };
            cookie?: never;
        };
        /** @description Request body for updating an environment; fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description A new colour as `#rrggbb`; null removes it. */
                    color?: string | null;
                    /** @description A new description. */
                    description?: string;
                    /** @description true makes this the default environment in place of the current one. false is refused on the default itself (make another one the default instead). */
                    isDefault?: boolean;
                    /** @description A new name, unique in the workspace. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description A deployment environment of the workspace (development, staging, production, ...). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The colour the environment is shown in, as `#rrggbb` in lower case; null when none was chosen. */
                        color: string | null;
                        /**
                         * Format: date-time
                         * @description Timestamp when the environment was created.
                         */
                        createdAt: string;
                        /** @description A description of the environment; empty when none was given. */
                        description: string;
                        /**
                         * Format: uuid
                         * @description The unique identifier of the environment.
                         */
                        id: string;
                        /** @description Whether this is the workspace's default environment. Exactly one environment is. */
                        isDefault: boolean;
                        /** @description The name of the environment, unique in the workspace. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the environment was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listFolders: {
        parameters: {
            query?: {
                /** @description Filter folders by type (app, resource, workflow). */
                folderType?: "app" | "resource" | "workflow";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of folders. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Array of folder objects. */
                        data: {
                            /**
                             * Format: date-time
                             * @description Timestamp when the folder was created.
                             */
                            createdAt: string;
                            /**
                             * @description The type of content this folder organizes.
                             * @enum {unknown}
                             */
                            folderType: "app" | "resource" | "workflow";
                            /** @description The unique identifier for the folder. */
                            id: string;
                            /** @description The name of the folder. */
                            name: string;
                            /** @description The identifier of the parent folder, if nested. */
                            parentFolderId?: string;
                            /**
                             * Format: date-time
                             * @description Timestamp when the folder was last renamed or moved.
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createFolder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for creating a new folder. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The type of content this folder will organize.
                     * @enum {unknown}
                     */
                    folderType: "app" | "resource" | "workflow";
                    /** @description The name of the new folder, unique among its siblings. */
                    name: string;
                    /**
                     * Format: uuid
                     * @description Place the folder inside another folder of the same type.
                     */
                    parentFolderId?: string;
                };
            };
        };
        responses: {
            /** @description A folder organizing apps, resources, or workflows. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the folder was created.
                         */
                        createdAt: string;
                        /**
                         * @description The type of content this folder organizes.
                         * @enum {unknown}
                         */
                        folderType: "app" | "resource" | "workflow";
                        /** @description The unique identifier for the folder. */
                        id: string;
                        /** @description The name of the folder. */
                        name: string;
                        /** @description The identifier of the parent folder, if nested. */
                        parentFolderId?: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the folder was last renamed or moved.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getFolder: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the folder. */
                folderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A folder organizing apps, resources, or workflows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the folder was created.
                         */
                        createdAt: string;
                        /**
                         * @description The type of content this folder organizes.
                         * @enum {unknown}
                         */
                        folderType: "app" | "resource" | "workflow";
                        /** @description The unique identifier for the folder. */
                        id: string;
                        /** @description The name of the folder. */
                        name: string;
                        /** @description The identifier of the parent folder, if nested. */
                        parentFolderId?: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the folder was last renamed or moved.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateFolder: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the folder. */
                folderId: string;
            };
            cookie?: never;
        };
        /** @description Request body for renaming or moving a folder; fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new name of the folder. */
                    name?: string;
                    /** @description Move into this folder of the same type; null moves the folder to the top level. */
                    parentFolderId?: string | null;
                };
            };
        };
        responses: {
            /** @description A folder organizing apps, resources, or workflows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the folder was created.
                         */
                        createdAt: string;
                        /**
                         * @description The type of content this folder organizes.
                         * @enum {unknown}
                         */
                        folderType: "app" | "resource" | "workflow";
                        /** @description The unique identifier for the folder. */
                        id: string;
                        /** @description The name of the folder. */
                        name: string;
                        /** @description The identifier of the parent folder, if nested. */
                        parentFolderId?: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the folder was last renamed or moved.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteFolder: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the folder. */
                folderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of groups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Array of group objects. */
                        data: {
                            /**
                             * Format: date-time
                             * @description Timestamp when the group was created.
                             */
                            createdAt: string;
                            /** @description The numeric identifier for the group. */
                            id: number;
                            /** @description Users who are members of this group. */
                            members: {
                                /**
                                 * Format: email
                                 * @description The user's email address.
                                 */
                                email: string;
                                /**
                                 * Format: uuid
                                 * @description The user UUID.
                                 */
                                id: string;
                            }[];
                            /** @description The name of the group. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description Timestamp when the group was last updated.
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for creating a new group. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The name of the group, unique in the workspace. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A group of users in the workspace. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the group was created.
                         */
                        createdAt: string;
                        /** @description The numeric identifier for the group. */
                        id: number;
                        /** @description Users who are members of this group. */
                        members: {
                            /**
                             * Format: email
                             * @description The user's email address.
                             */
                            email: string;
                            /**
                             * Format: uuid
                             * @description The user UUID.
                             */
                            id: string;
                        }[];
                        /** @description The name of the group. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the group was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The numeric identifier of the group. */
                groupId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A group of users in the workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the group was created.
                         */
                        createdAt: string;
                        /** @description The numeric identifier for the group. */
                        id: number;
                        /** @description Users who are members of this group. */
                        members: {
                            /**
                             * Format: email
                             * @description The user's email address.
                             */
                            email: string;
                            /**
                             * Format: uuid
                             * @description The user UUID.
                             */
                            id: string;
                        }[];
                        /** @description The name of the group. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the group was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The numeric identifier of the group. */
                groupId: number;
            };
            cookie?: never;
        };
        /** @description Request body for renaming a group. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The name of the group, unique in the workspace. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A group of users in the workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the group was created.
                         */
                        createdAt: string;
                        /** @description The numeric identifier for the group. */
                        id: number;
                        /** @description Users who are members of this group. */
                        members: {
                            /**
                             * Format: email
                             * @description The user's email address.
                             */
                            email: string;
                            /**
                             * Format: uuid
                             * @description The user UUID.
                             */
                            id: string;
                        }[];
                        /** @description The name of the group. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the group was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The numeric identifier of the group. */
                groupId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listGroupMembers: {
        parameters: {
            query?: {
                /** @description Page number for pagination (1-based). */
                page?: number;
                /** @description Number of records per page. */
                pageSize?: number;
            };
            header?: never;
            path: {
                /** @description The numeric identifier of the group. */
                groupId: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated list of group members. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The records of this page. */
                        data: {
                            /**
                             * Format: email
                             * @description The user's email address.
                             */
                            email: string;
                            /**
                             * Format: uuid
                             * @description The user UUID.
                             */
                            id: string;
                        }[];
                        /** @description Current page number. */
                        page: number;
                        /** @description Number of records per page. */
                        pageSize: number;
                        /** @description Total number of records across all pages. */
                        total: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    addGroupMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The numeric identifier of the group. */
                groupId: number;
            };
            cookie?: never;
        };
        /** @description Request body for adding a user to a group. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uuid
                     * @description The UUID of the user to add to the group.
                     */
                    userId: string;
                };
            };
        };
        responses: {
            /** @description A group of users in the workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the group was created.
                         */
                        createdAt: string;
                        /** @description The numeric identifier for the group. */
                        id: number;
                        /** @description Users who are members of this group. */
                        members: {
                            /**
                             * Format: email
                             * @description The user's email address.
                             */
                            email: string;
                            /**
                             * Format: uuid
                             * @description The user UUID.
                             */
                            id: string;
                        }[];
                        /** @description The name of the group. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the group was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    removeGroupMember: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The numeric identifier of the group. */
                groupId: number;
                /** @description The unique UUID identifier of the user. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getInvitePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the invitation link (`tpi_…`, or a ToolJet `tpm_…`). */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The accept form. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The token is malformed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid (`invalid_token`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The invite was already used, revoked or has expired (`invite_gone`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many attempts from this address (`rate_limited`), with `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    acceptInvitePage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the invitation link (`tpi_…`, or a ToolJet `tpm_…`). */
                token: string;
            };
            cookie?: never;
        };
        /** @description The accept form, as a browser submits it. */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description The invitee's first name; required. */
                    firstName: string;
                    /** @description The invitee's last name (may be empty). */
                    lastName?: string;
                    /** @description The password for a new account, 8 characters or more; the form asks for it when accepting sets up the account. */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The invite is accepted. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to correct. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid (`invalid_token`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Already a member (`already_member`). */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The invite was already used, revoked or has expired (`invite_gone`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many attempts from this address (`rate_limited`), with `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    listInvites: {
        parameters: {
            query?: {
                /** @description Page number for pagination (1-based). */
                page?: number;
                /** @description Number of records per page. */
                pageSize?: number;
                /** @description Only invites in this state. */
                status?: "pending" | "accepted" | "revoked" | "expired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated list of invites. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The records of this page. */
                        data: {
                            /** @description When the invite was accepted. */
                            acceptedAt: string | null;
                            /** @description The user who accepted, once accepted. */
                            acceptedUserId: string | null;
                            /** @description User attribute values set on the member on accepting. */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description When the invite was created.
                             */
                            createdAt: string;
                            /**
                             * Format: email
                             * @description The invitee's email address.
                             */
                            email: string;
                            /**
                             * Format: date-time
                             * @description When the link stops working.
                             */
                            expiresAt: string;
                            /** @description Whether the email's domain is outside the workspace's domains; external invitees join as end-user. */
                            external: boolean;
                            /** @description Groups the invitee joins on accepting (groups deleted since are left out). */
                            groups: {
                                /** @description The numeric group identifier. */
                                id: number;
                                /** @description The group name. */
                                name: string;
                            }[];
                            /**
                             * Format: uuid
                             * @description The invite's identifier.
                             */
                            id: string;
                            /** @description Email of the user whose token created the invite. */
                            invitedBy: string | null;
                            /** @description When the email was last handed to the mail server. */
                            lastSentAt: string | null;
                            /** @description When the invite was revoked. */
                            revokedAt: string | null;
                            /**
                             * @description The role the invitee gets in the workspace on accepting.
                             * @enum {unknown}
                             */
                            role: "admin" | "builder" | "end-user";
                            /** @description How many times the invitation email was tried (0 without SMTP). */
                            sendAttempts: number;
                            /** @description Why the last delivery failed; null after a success. `resend` retries. */
                            sendError: string | null;
                            /**
                             * @description pending (the link works), accepted, revoked, or expired (pending past `expiresAt`).
                             * @enum {unknown}
                             */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            /**
                             * Format: date-time
                             * @description When the invite last changed.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Current page number. */
                        page: number;
                        /** @description Number of records per page. */
                        pageSize: number;
                        /** @description Total number of records across all pages. */
                        total: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createInvites: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description One invite (answered 201), or an array of invites (answered 207). */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Values for the workspace's user attributes, checked against their types now and set on accepting. */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: email
                     * @description The invitee's email address.
                     */
                    email: string;
                    /** @description Days until the link expires (default 7). */
                    expiresInDays?: number;
                    /** @description Groups of the workspace the invitee joins. */
                    groupIds?: number[];
                    /**
                     * @description The role on accepting; an external email (domain not among the workspace's domains) must be end-user.
                     * @enum {unknown}
                     */
                    role: "admin" | "builder" | "end-user";
                } | {
                    /** @description Values for the workspace's user attributes, checked against their types now and set on accepting. */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: email
                     * @description The invitee's email address.
                     */
                    email: string;
                    /** @description Days until the link expires (default 7). */
                    expiresInDays?: number;
                    /** @description Groups of the workspace the invitee joins. */
                    groupIds?: number[];
                    /**
                     * @description The role on accepting; an external email (domain not among the workspace's domains) must be end-user.
                     * @enum {unknown}
                     */
                    role: "admin" | "builder" | "end-user";
                }[];
            };
        };
        responses: {
            /** @description An invite just created or re-issued. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When the invite was accepted. */
                        acceptedAt: string | null;
                        /** @description The user who accepted, once accepted. */
                        acceptedUserId: string | null;
                        /**
                         * Format: uri
                         * @description The accept link, present only when no SMTP server is configured, and only in this response: it is not stored.
                         */
                        acceptUrl?: string;
                        /** @description User attribute values set on the member on accepting. */
                        attributes: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description When the invite was created.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description The invitee's email address.
                         */
                        email: string;
                        /**
                         * Format: date-time
                         * @description When the link stops working.
                         */
                        expiresAt: string;
                        /** @description Whether the email's domain is outside the workspace's domains; external invitees join as end-user. */
                        external: boolean;
                        /** @description Groups the invitee joins on accepting (groups deleted since are left out). */
                        groups: {
                            /** @description The numeric group identifier. */
                            id: number;
                            /** @description The group name. */
                            name: string;
                        }[];
                        /**
                         * Format: uuid
                         * @description The invite's identifier.
                         */
                        id: string;
                        /** @description Email of the user whose token created the invite. */
                        invitedBy: string | null;
                        /** @description When the email was last handed to the mail server. */
                        lastSentAt: string | null;
                        /** @description When the invite was revoked. */
                        revokedAt: string | null;
                        /**
                         * @description The role the invitee gets in the workspace on accepting.
                         * @enum {unknown}
                         */
                        role: "admin" | "builder" | "end-user";
                        /** @description How many times the invitation email was tried (0 without SMTP). */
                        sendAttempts: number;
                        /** @description Why the last delivery failed; null after a success. `resend` retries. */
                        sendError: string | null;
                        /**
                         * @description pending (the link works), accepted, revoked, or expired (pending past `expiresAt`).
                         * @enum {unknown}
                         */
                        status: "pending" | "accepted" | "revoked" | "expired";
                        /**
                         * Format: date-time
                         * @description When the invite last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description Per-item results of a batch of invites. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many items were created. */
                        created: number;
                        /** @description One outcome per item, in request order. */
                        data: {
                            /** @description Why the item was refused: the error body its own request would have had. */
                            error?: {
                                /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                                code: string;
                                /** @description The request field at fault, when there is one. */
                                field?: string;
                                /** @description A human-readable error message. */
                                message: string;
                            };
                            /** @description The position of the item in the request array, from 0. */
                            index: number;
                            /** @description The invite, when the item was created. */
                            invite?: {
                                /** @description When the invite was accepted. */
                                acceptedAt: string | null;
                                /** @description The user who accepted, once accepted. */
                                acceptedUserId: string | null;
                                /**
                                 * Format: uri
                                 * @description The accept link, present only when no SMTP server is configured, and only in this response: it is not stored.
                                 */
                                acceptUrl?: string;
                                /** @description User attribute values set on the member on accepting. */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the invite was created.
                                 */
                                createdAt: string;
                                /**
                                 * Format: email
                                 * @description The invitee's email address.
                                 */
                                email: string;
                                /**
                                 * Format: date-time
                                 * @description When the link stops working.
                                 */
                                expiresAt: string;
                                /** @description Whether the email's domain is outside the workspace's domains; external invitees join as end-user. */
                                external: boolean;
                                /** @description Groups the invitee joins on accepting (groups deleted since are left out). */
                                groups: {
                                    /** @description The numeric group identifier. */
                                    id: number;
                                    /** @description The group name. */
                                    name: string;
                                }[];
                                /**
                                 * Format: uuid
                                 * @description The invite's identifier.
                                 */
                                id: string;
                                /** @description Email of the user whose token created the invite. */
                                invitedBy: string | null;
                                /** @description When the email was last handed to the mail server. */
                                lastSentAt: string | null;
                                /** @description When the invite was revoked. */
                                revokedAt: string | null;
                                /**
                                 * @description The role the invitee gets in the workspace on accepting.
                                 * @enum {unknown}
                                 */
                                role: "admin" | "builder" | "end-user";
                                /** @description How many times the invitation email was tried (0 without SMTP). */
                                sendAttempts: number;
                                /** @description Why the last delivery failed; null after a success. `resend` retries. */
                                sendError: string | null;
                                /**
                                 * @description pending (the link works), accepted, revoked, or expired (pending past `expiresAt`).
                                 * @enum {unknown}
                                 */
                                status: "pending" | "accepted" | "revoked" | "expired";
                                /**
                                 * Format: date-time
                                 * @description When the invite last changed.
                                 */
                                updatedAt: string;
                            };
                            /** @description The HTTP status the item would have had on its own: 201 when created, else 400, 404, 409, ... */
                            status: number;
                        }[];
                        /** @description How many items were refused; each changed nothing. */
                        failed: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The invite's identifier. */
                inviteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An invitation to join the workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When the invite was accepted. */
                        acceptedAt: string | null;
                        /** @description The user who accepted, once accepted. */
                        acceptedUserId: string | null;
                        /** @description User attribute values set on the member on accepting. */
                        attributes: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description When the invite was created.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description The invitee's email address.
                         */
                        email: string;
                        /**
                         * Format: date-time
                         * @description When the link stops working.
                         */
                        expiresAt: string;
                        /** @description Whether the email's domain is outside the workspace's domains; external invitees join as end-user. */
                        external: boolean;
                        /** @description Groups the invitee joins on accepting (groups deleted since are left out). */
                        groups: {
                            /** @description The numeric group identifier. */
                            id: number;
                            /** @description The group name. */
                            name: string;
                        }[];
                        /**
                         * Format: uuid
                         * @description The invite's identifier.
                         */
                        id: string;
                        /** @description Email of the user whose token created the invite. */
                        invitedBy: string | null;
                        /** @description When the email was last handed to the mail server. */
                        lastSentAt: string | null;
                        /** @description When the invite was revoked. */
                        revokedAt: string | null;
                        /**
                         * @description The role the invitee gets in the workspace on accepting.
                         * @enum {unknown}
                         */
                        role: "admin" | "builder" | "end-user";
                        /** @description How many times the invitation email was tried (0 without SMTP). */
                        sendAttempts: number;
                        /** @description Why the last delivery failed; null after a success. `resend` retries. */
                        sendError: string | null;
                        /**
                         * @description pending (the link works), accepted, revoked, or expired (pending past `expiresAt`).
                         * @enum {unknown}
                         */
                        status: "pending" | "accepted" | "revoked" | "expired";
                        /**
                         * Format: date-time
                         * @description When the invite last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    revokeInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The invite's identifier. */
                inviteId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    resendInvite: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The invite's identifier. */
                inviteId: string;
            };
            cookie?: never;
        };
        /** @description Optional settings for the new link. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Days until the new link expires (default 7). */
                    expiresInDays?: number;
                };
            };
        };
        responses: {
            /** @description An invite just created or re-issued. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When the invite was accepted. */
                        acceptedAt: string | null;
                        /** @description The user who accepted, once accepted. */
                        acceptedUserId: string | null;
                        /**
                         * Format: uri
                         * @description The accept link, present only when no SMTP server is configured, and only in this response: it is not stored.
                         */
                        acceptUrl?: string;
                        /** @description User attribute values set on the member on accepting. */
                        attributes: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description When the invite was created.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description The invitee's email address.
                         */
                        email: string;
                        /**
                         * Format: date-time
                         * @description When the link stops working.
                         */
                        expiresAt: string;
                        /** @description Whether the email's domain is outside the workspace's domains; external invitees join as end-user. */
                        external: boolean;
                        /** @description Groups the invitee joins on accepting (groups deleted since are left out). */
                        groups: {
                            /** @description The numeric group identifier. */
                            id: number;
                            /** @description The group name. */
                            name: string;
                        }[];
                        /**
                         * Format: uuid
                         * @description The invite's identifier.
                         */
                        id: string;
                        /** @description Email of the user whose token created the invite. */
                        invitedBy: string | null;
                        /** @description When the email was last handed to the mail server. */
                        lastSentAt: string | null;
                        /** @description When the invite was revoked. */
                        revokedAt: string | null;
                        /**
                         * @description The role the invitee gets in the workspace on accepting.
                         * @enum {unknown}
                         */
                        role: "admin" | "builder" | "end-user";
                        /** @description How many times the invitation email was tried (0 without SMTP). */
                        sendAttempts: number;
                        /** @description Why the last delivery failed; null after a success. `resend` retries. */
                        sendError: string | null;
                        /**
                         * @description pending (the link works), accepted, revoked, or expired (pending past `expiresAt`).
                         * @enum {unknown}
                         */
                        status: "pending" | "accepted" | "revoked" | "expired";
                        /**
                         * Format: date-time
                         * @description When the invite last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    acceptInvite: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Accepting an invite. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The invitee's first name. */
                    firstName: string;
                    /** @description The invitee's last name (may be empty). */
                    lastName: string;
                    /** @description The password for a new account, 8 characters or more. Required when accepting sets up the account; an account that already has a password, or belongs to other workspaces, keeps it and this is ignored. */
                    password?: string;
                    /** @description The token from the invitation link. */
                    token: string;
                };
            };
        };
        responses: {
            /** @description The accepted invite: the account is active and a member of the workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether accepting set the account's password and names. False for an account that existed with a password or in other workspaces: it keeps them, and the names given are this workspace's own for the member. */
                        accountSetUp: boolean;
                        /** @description The invitee's email address. */
                        email: string;
                        /**
                         * @description The role in the workspace.
                         * @enum {unknown}
                         */
                        role: "admin" | "builder" | "end-user";
                        /**
                         * Format: uuid
                         * @description The account of the invitee.
                         */
                        userId: string;
                        /**
                         * Format: uuid
                         * @description The workspace joined.
                         */
                        workspaceId: string;
                        /** @description The workspace joined. */
                        workspaceName: string;
                    };
                };
            };
            /** @description An error response. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description An error response. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description An error response. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description An error response. */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description An error response. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The workspace a session acts in without X-Workspace-Id; null means the default workspace. */
                        defaultWorkspaceId: string | null;
                        /** @description The account's email address. */
                        email: string;
                        /** @description The account's first name. */
                        firstName: string;
                        /**
                         * Format: uuid
                         * @description The account's identifier.
                         */
                        id: string;
                        /** @description An active admin of the default workspace, who acts instance-wide. */
                        instanceAdmin: boolean;
                        /** @description The account's last name. */
                        lastName: string;
                        /** @description Whether signing in asks for a second factor. */
                        twoFactorEnabled: boolean;
                        /** @description The active workspaces the person belongs to. */
                        workspaces: {
                            /**
                             * Format: uuid
                             * @description The workspace's identifier.
                             */
                            id: string;
                            /** @description The workspace's name. */
                            name: string;
                            /**
                             * @description The role in the workspace.
                             * @enum {unknown}
                             */
                            role: "admin" | "builder" | "end-user";
                            /**
                             * @description The membership's status; only `active` may act.
                             * @enum {unknown}
                             */
                            status: "active" | "invited" | "archived";
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Names to change on one's own account. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The first name. */
                    firstName?: string;
                    /** @description The last name. */
                    lastName?: string;
                };
            };
        };
        responses: {
            /** @description The signed-in person. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The workspace a session acts in without X-Workspace-Id; null means the default workspace. */
                        defaultWorkspaceId: string | null;
                        /** @description The account's email address. */
                        email: string;
                        /** @description The account's first name. */
                        firstName: string;
                        /**
                         * Format: uuid
                         * @description The account's identifier.
                         */
                        id: string;
                        /** @description An active admin of the default workspace, who acts instance-wide. */
                        instanceAdmin: boolean;
                        /** @description The account's last name. */
                        lastName: string;
                        /** @description Whether signing in asks for a second factor. */
                        twoFactorEnabled: boolean;
                        /** @description The active workspaces the person belongs to. */
                        workspaces: {
                            /**
                             * Format: uuid
                             * @description The workspace's identifier.
                             */
                            id: string;
                            /** @description The workspace's name. */
                            name: string;
                            /**
                             * @description The role in the workspace.
                             * @enum {unknown}
                             */
                            role: "admin" | "builder" | "end-user";
                            /**
                             * @description The membership's status; only `active` may act.
                             * @enum {unknown}
                             */
                            status: "active" | "invited" | "archived";
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    changeMyPassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Changing one's own password. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The current password; required when the account has one. */
                    currentPassword?: string;
                    /** @description The new password, 8 characters or more. */
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description Changed. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listMySessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The person's live sessions, newest first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: {
                            /** @description The client address that signed in. */
                            address: string | null;
                            /**
                             * Format: date-time
                             * @description When the person signed in.
                             */
                            createdAt: string;
                            /** @description Whether this is the session making the request. */
                            current: boolean;
                            /**
                             * Format: date-time
                             * @description When the session ends at the latest, used or not.
                             */
                            expiresAt: string;
                            /**
                             * Format: uuid
                             * @description The session's identifier.
                             */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the session was last used (to the minute).
                             */
                            lastSeenAt: string;
                            /** @description How the person signed in: `password` or `sso`. */
                            method: string;
                            /** @description The browser or client that signed in. */
                            userAgent: string | null;
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    endMySession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The session's identifier. */
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    disableTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Proof of the person turning two-factor off: their password, or a current code of the app. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description A current 6-digit code of the authenticator app, in place of the password. */
                    code?: string;
                    /** @description The account's password. */
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Turned off. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    confirmTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A current code of the authenticator app. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now. */
                    code: string;
                };
            };
        };
        responses: {
            /** @description The account's new recovery codes; any earlier ones no longer work. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten single-use codes (`xxxxx-xxxxx`) that sign in in place of the app. Shown this once: only their hashes are kept. */
                        recoveryCodes: string[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    regenerateRecoveryCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A current code of the authenticator app. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code the authenticator app shows now. */
                    code: string;
                };
            };
        };
        responses: {
            /** @description The account's new recovery codes; any earlier ones no longer work. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten single-use codes (`xxxxx-xxxxx`) that sign in in place of the app. Shown this once: only their hashes are kept. */
                        recoveryCodes: string[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    setUpTwoFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A two-factor enrolment under way: scan the QR code, then confirm with a code of the app. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The `otpauth://totp/Toolplane:<email>?secret=…&issuer=Toolplane` URI an authenticator app enrols from. */
                        otpauthUri: string;
                        /** @description The URI as a QR code: an SVG image as a `data:image/svg+xml;base64,…` URL. */
                        qrCode: string;
                        /** @description The TOTP secret, base32, for typing into an authenticator app by hand. Shown this once. */
                        secret: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getPermissionAccessList: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The identifier of the app, resource, folder or workflow. */
                objectId: string;
                /** @description The type of the object. */
                objectType: "app" | "resource" | "folder" | "workflow";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The access list of an object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Who can access the object. */
                        data: {
                            /** @description Groups with access, by id. */
                            groups: {
                                /**
                                 * @description The effective level: the highest among the sources.
                                 * @enum {unknown}
                                 */
                                accessLevel: "use" | "edit" | "own";
                                /** @description Every source of access, highest level first. */
                                sources: {
                                    /**
                                     * @description The level this source gives; an end user's is never above use.
                                     * @enum {unknown}
                                     */
                                    accessLevel: "use" | "edit" | "own";
                                    /** @description The folder whose grant flows to the object (for `folder`). */
                                    folderId?: string;
                                    /** @description The group holding the grant, when the grant reaches the user through a group. */
                                    groupId?: number;
                                    /**
                                     * @description The role giving access (for `role`).
                                     * @enum {unknown}
                                     */
                                    role?: "admin";
                                    /**
                                     * @description `direct`: a grant to the subject on the object; `group`: a grant on the object to a group of the user; `folder`: a grant on a folder holding the object; `role`: the admin role.
                                     * @enum {unknown}
                                     */
                                    type: "direct" | "group" | "folder" | "role";
                                }[];
                                /** @description The group. */
                                subject: {
                                    /** @description The group id. */
                                    id: number;
                                    /** @description The group name. */
                                    name: string;
                                    /**
                                     * @description Always `group`.
                                     * @enum {unknown}
                                     */
                                    type: "group";
                                };
                            }[];
                            /** @description Members with access, by email. */
                            users: {
                                /**
                                 * @description The effective level: the highest among the sources.
                                 * @enum {unknown}
                                 */
                                accessLevel: "use" | "edit" | "own";
                                /** @description Every source of access, highest level first. */
                                sources: {
                                    /**
                                     * @description The level this source gives; an end user's is never above use.
                                     * @enum {unknown}
                                     */
                                    accessLevel: "use" | "edit" | "own";
                                    /** @description The folder whose grant flows to the object (for `folder`). */
                                    folderId?: string;
                                    /** @description The group holding the grant, when the grant reaches the user through a group. */
                                    groupId?: number;
                                    /**
                                     * @description The role giving access (for `role`).
                                     * @enum {unknown}
                                     */
                                    role?: "admin";
                                    /**
                                     * @description `direct`: a grant to the subject on the object; `group`: a grant on the object to a group of the user; `folder`: a grant on a folder holding the object; `role`: the admin role.
                                     * @enum {unknown}
                                     */
                                    type: "direct" | "group" | "folder" | "role";
                                }[];
                                /** @description The user. */
                                subject: {
                                    /** @description The user's email address. */
                                    email: string;
                                    /** @description The user UUID. */
                                    id: string;
                                    /**
                                     * @description Always `user`.
                                     * @enum {unknown}
                                     */
                                    type: "user";
                                };
                            }[];
                        };
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    grantPermission: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for granting a permission. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The level to grant; replaces the level the subject holds on the object. End users can only be granted use.
                     * @enum {unknown}
                     */
                    accessLevel: "use" | "edit" | "own";
                    /** @description The app, resource, folder or workflow the permission is on. A folder grant flows to everything in it, at any depth. */
                    object: {
                        /**
                         * Format: uuid
                         * @description The identifier of the app, resource, folder or workflow.
                         */
                        id: string;
                        /**
                         * @description The type of object.
                         * @enum {unknown}
                         */
                        type: "app" | "resource" | "folder" | "workflow";
                    };
                    /** @description The group or user the permission is for. */
                    subject: {
                        /** @description A user's UUID, or a group's integer id. */
                        id: string | number;
                        /**
                         * @description Whether the subject is a group or a user.
                         * @enum {unknown}
                         */
                        type: "group" | "user";
                    };
                };
            };
        };
        responses: {
            /** @description A permission: one subject's access level on one object. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description The level granted.
                         * @enum {unknown}
                         */
                        accessLevel: "use" | "edit" | "own";
                        /**
                         * Format: date-time
                         * @description Timestamp when the subject was first granted access to the object.
                         */
                        createdAt: string;
                        /** @description An app, resource, folder or workflow. */
                        object: {
                            /** @description The identifier of the object. */
                            id: string;
                            /**
                             * @description The type of object.
                             * @enum {unknown}
                             */
                            type: "app" | "resource" | "folder" | "workflow";
                        };
                        /** @description A group or user. */
                        subject: {
                            /** @description A user's UUID, or a group's integer id. */
                            id: string | number;
                            /**
                             * @description Whether the subject is a group or a user.
                             * @enum {unknown}
                             */
                            type: "group" | "user";
                        };
                        /**
                         * Format: date-time
                         * @description Timestamp when the level was last set.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listPermissionObjects: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for listing the objects a subject can access. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Also count access from the subject's role, its groups and grants on enclosing folders; otherwise only its own grants on the objects.
                     * @default false
                     */
                    includeInherited?: boolean;
                    /**
                     * @description The type of objects to list.
                     * @enum {unknown}
                     */
                    objectType: "app" | "resource" | "folder" | "workflow";
                    /** @description The group or user the permission is for. */
                    subject: {
                        /** @description A user's UUID, or a group's integer id. */
                        id: string | number;
                        /**
                         * @description Whether the subject is a group or a user.
                         * @enum {unknown}
                         */
                        type: "group" | "user";
                    };
                };
            };
        };
        responses: {
            /** @description The objects of one type a subject can access. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The objects the subject can access, oldest first. */
                        data: {
                            /**
                             * @description The effective level: the highest among the sources.
                             * @enum {unknown}
                             */
                            accessLevel: "use" | "edit" | "own";
                            /** @description The identifier of the object. */
                            id: string;
                            /** @description The name of the app, resource, folder or workflow. */
                            name: string;
                            /** @description Every source of access, highest level first. */
                            sources: {
                                /**
                                 * @description The level this source gives; an end user's is never above use.
                                 * @enum {unknown}
                                 */
                                accessLevel: "use" | "edit" | "own";
                                /** @description The folder whose grant flows to the object (for `folder`). */
                                folderId?: string;
                                /** @description The group holding the grant, when the grant reaches the user through a group. */
                                groupId?: number;
                                /**
                                 * @description The role giving access (for `role`).
                                 * @enum {unknown}
                                 */
                                role?: "admin";
                                /**
                                 * @description `direct`: a grant to the subject on the object; `group`: a grant on the object to a group of the user; `folder`: a grant on a folder holding the object; `role`: the admin role.
                                 * @enum {unknown}
                                 */
                                type: "direct" | "group" | "folder" | "role";
                            }[];
                            /**
                             * @description The type of the object.
                             * @enum {unknown}
                             */
                            type: "app" | "resource" | "folder" | "workflow";
                        }[];
                        /** @description The number of objects listed. */
                        total: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    revokePermission: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for revoking a permission. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The app, resource, folder or workflow the permission is on. A folder grant flows to everything in it, at any depth. */
                    object: {
                        /**
                         * Format: uuid
                         * @description The identifier of the app, resource, folder or workflow.
                         */
                        id: string;
                        /**
                         * @description The type of object.
                         * @enum {unknown}
                         */
                        type: "app" | "resource" | "folder" | "workflow";
                    };
                    /** @description The group or user the permission is for. */
                    subject: {
                        /** @description A user's UUID, or a group's integer id. */
                        id: string | number;
                        /**
                         * @description Whether the subject is a group or a user.
                         * @enum {unknown}
                         */
                        type: "group" | "user";
                    };
                };
            };
        };
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getPasswordResetPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the emailed reset link (`tpr_…`). */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The form. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The token is malformed. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid (`invalid_token`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link was used, replaced by a newer one, or has expired (`reset_gone`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many requests from this address (`rate_limited`), with `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    confirmPasswordResetPage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the emailed reset link (`tpr_…`). */
                token: string;
            };
            cookie?: never;
        };
        /** @description The new password form, as a browser submits it. */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @description The new password, 8 characters or more. */
                    password: string;
                    /** @description The new password once more; it must match. */
                    passwordAgain: string;
                };
            };
        };
        responses: {
            /** @description The password is set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The form again, saying what to correct. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link is not valid (`invalid_token`). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description The link was used, replaced by a newer one, or has expired (`reset_gone`). */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Too many requests from this address (`rate_limited`), with `Retry-After`. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
        };
    };
    listResources: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of data source resources. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Array of resource objects. */
                        data: {
                            /**
                             * Format: date-time
                             * @description Timestamp when the resource was created.
                             */
                            createdAt: string;
                            /** @description The human-readable display name of the resource type. */
                            displayName: string;
                            /** @description The resource folder containing this resource; absent at the top level. */
                            folderId?: string;
                            /** @description The unique identifier for the resource. */
                            id: string;
                            /** @description The name of the resource, unique in the workspace. */
                            name: string;
                            /** @description Connection settings that are not secret (host, port, database, base URL, ...). Returned as stored. */
                            options: {
                                [key: string]: unknown;
                            };
                            /** @description Names of the secrets set on this resource. Secret values are write-only. */
                            secretNames: string[];
                            /** @description The type of resource (e.g., postgresql, mysql, restapi, mongodb, snowflake, googlesheets, etc.). */
                            type: string;
                            /**
                             * Format: date-time
                             * @description Timestamp when the resource was last updated.
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createResource: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for creating a resource. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Display name of the type; derived from `type` when absent. */
                    displayName?: string;
                    /**
                     * Format: uuid
                     * @description The resource folder to place the resource in.
                     */
                    folderId?: string;
                    /** @description The name of the resource, unique in the workspace. */
                    name: string;
                    /** @description Connection settings that are not secret (host, port, database, base URL, ...). Returned as stored. */
                    options?: {
                        [key: string]: unknown;
                    };
                    /** @description Secret values (passwords, API keys) by name. Encrypted at rest and never returned. */
                    secrets?: {
                        [key: string]: string;
                    };
                    /** @description The type of resource, such as postgresql or restapi. */
                    type: string;
                };
            };
        };
        responses: {
            /** @description A data source resource connection. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the resource was created.
                         */
                        createdAt: string;
                        /** @description The human-readable display name of the resource type. */
                        displayName: string;
                        /** @description The resource folder containing this resource; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the resource. */
                        id: string;
                        /** @description The name of the resource, unique in the workspace. */
                        name: string;
                        /** @description Connection settings that are not secret (host, port, database, base URL, ...). Returned as stored. */
                        options: {
                            [key: string]: unknown;
                        };
                        /** @description Names of the secrets set on this resource. Secret values are write-only. */
                        secretNames: string[];
                        /** @description The type of resource (e.g., postgresql, mysql, restapi, mongodb, snowflake, googlesheets, etc.). */
                        type: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the resource was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getResource: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the resource. */
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A data source resource connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the resource was created.
                         */
                        createdAt: string;
                        /** @description The human-readable display name of the resource type. */
                        displayName: string;
                        /** @description The resource folder containing this resource; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the resource. */
                        id: string;
                        /** @description The name of the resource, unique in the workspace. */
                        name: string;
                        /** @description Connection settings that are not secret (host, port, database, base URL, ...). Returned as stored. */
                        options: {
                            [key: string]: unknown;
                        };
                        /** @description Names of the secrets set on this resource. Secret values are write-only. */
                        secretNames: string[];
                        /** @description The type of resource (e.g., postgresql, mysql, restapi, mongodb, snowflake, googlesheets, etc.). */
                        type: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the resource was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateResource: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the resource. */
                resourceId: string;
            };
            cookie?: never;
        };
        /** @description Request body for updating a resource; fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new display name. */
                    displayName?: string;
                    /** @description Move into this resource folder; null moves the resource to the top level. */
                    folderId?: string | null;
                    /** @description The new name of the resource. */
                    name?: string;
                    /** @description Connection settings that are not secret (host, port, database, base URL, ...). Returned as stored. */
                    options?: {
                        [key: string]: unknown;
                    };
                    /** @description Secrets to set, by name; a null value removes that secret. Secrets not named are kept. */
                    secrets?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description A data source resource connection. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the resource was created.
                         */
                        createdAt: string;
                        /** @description The human-readable display name of the resource type. */
                        displayName: string;
                        /** @description The resource folder containing this resource; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the resource. */
                        id: string;
                        /** @description The name of the resource, unique in the workspace. */
                        name: string;
                        /** @description Connection settings that are not secret (host, port, database, base URL, ...). Returned as stored. */
                        options: {
                            [key: string]: unknown;
                        };
                        /** @description Names of the secrets set on this resource. Secret values are write-only. */
                        secretNames: string[];
                        /** @description The type of resource (e.g., postgresql, mysql, restapi, mongodb, snowflake, googlesheets, etc.). */
                        type: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the resource was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteResource: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the resource. */
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listResourceConfigurations: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The unique identifier of the resource. */
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The resource's configurations, one per environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The resource's effective configuration in each environment of the workspace, oldest environment first. */
                        data: {
                            /** @description When the environment's own configuration was created; null without one. */
                            createdAt: string | null;
                            /**
                             * Format: uuid
                             * @description The environment the configuration applies in.
                             */
                            environmentId: string;
                            /** @description The name of the environment. */
                            environmentName: string;
                            /** @description The environment's own options, as stored ({} without a configuration). */
                            environmentOptions: {
                                [key: string]: unknown;
                            };
                            /** @description Whether the environment has a configuration of its own for the resource; false means the resource's own options and secrets apply as they are. */
                            hasOwnConfiguration: boolean;
                            /** @description The effective options: the resource's own, with the environment's merged over them (top-level keys; the environment's win). */
                            options: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: uuid
                             * @description The resource configured.
                             */
                            resourceId: string;
                            /** @description Names of the effective secrets, sorted. Secret values are write-only. */
                            secretNames: string[];
                            /** @description Where each effective secret comes from, by name: `environment` when the environment sets it, else `resource`. */
                            secretSources: {
                                [key: string]: "environment" | "resource";
                            };
                            /** @description When the environment's own configuration last changed; null without one. */
                            updatedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getResourceConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the environment. */
                environmentId: string;
                /** @description The unique identifier of the resource. */
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What a resource uses in one environment. Secret values never appear. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When the environment's own configuration was created; null without one. */
                        createdAt: string | null;
                        /**
                         * Format: uuid
                         * @description The environment the configuration applies in.
                         */
                        environmentId: string;
                        /** @description The name of the environment. */
                        environmentName: string;
                        /** @description The environment's own options, as stored ({} without a configuration). */
                        environmentOptions: {
                            [key: string]: unknown;
                        };
                        /** @description Whether the environment has a configuration of its own for the resource; false means the resource's own options and secrets apply as they are. */
                        hasOwnConfiguration: boolean;
                        /** @description The effective options: the resource's own, with the environment's merged over them (top-level keys; the environment's win). */
                        options: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: uuid
                         * @description The resource configured.
                         */
                        resourceId: string;
                        /** @description Names of the effective secrets, sorted. Secret values are write-only. */
                        secretNames: string[];
                        /** @description Where each effective secret comes from, by name: `environment` when the environment sets it, else `resource`. */
                        secretSources: {
                            [key: string]: "environment" | "resource";
                        };
                        /** @description When the environment's own configuration last changed; null without one. */
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    putResourceConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the environment. */
                environmentId: string;
                /** @description The unique identifier of the resource. */
                resourceId: string;
            };
            cookie?: never;
        };
        /** @description The environment's own configuration of the resource. `options` replaces the environment's options when given (they are merged over the resource's own when read); fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Options for this environment (host, database, base URL, ...), replacing its earlier ones; merged over the resource's own when read. */
                    options?: {
                        [key: string]: unknown;
                    };
                    /** @description Secrets to set for this environment, by name; a null value removes one (the resource's own secret of that name then applies). Secrets not named are kept. Encrypted at rest and never returned. */
                    secrets?: {
                        [key: string]: string | null;
                    };
                };
            };
        };
        responses: {
            /** @description What a resource uses in one environment. Secret values never appear. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When the environment's own configuration was created; null without one. */
                        createdAt: string | null;
                        /**
                         * Format: uuid
                         * @description The environment the configuration applies in.
                         */
                        environmentId: string;
                        /** @description The name of the environment. */
                        environmentName: string;
                        /** @description The environment's own options, as stored ({} without a configuration). */
                        environmentOptions: {
                            [key: string]: unknown;
                        };
                        /** @description Whether the environment has a configuration of its own for the resource; false means the resource's own options and secrets apply as they are. */
                        hasOwnConfiguration: boolean;
                        /** @description The effective options: the resource's own, with the environment's merged over them (top-level keys; the environment's win). */
                        options: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: uuid
                         * @description The resource configured.
                         */
                        resourceId: string;
                        /** @description Names of the effective secrets, sorted. Secret values are write-only. */
                        secretNames: string[];
                        /** @description Where each effective secret comes from, by name: `environment` when the environment sets it, else `resource`. */
                        secretSources: {
                            [key: string]: "environment" | "resource";
                        };
                        /** @description When the environment's own configuration last changed; null without one. */
                        updatedAt: string | null;
                    };
                };
            };
            /** @description What a resource uses in one environment. Secret values never appear. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When the environment's own configuration was created; null without one. */
                        createdAt: string | null;
                        /**
                         * Format: uuid
                         * @description The environment the configuration applies in.
                         */
                        environmentId: string;
                        /** @description The name of the environment. */
                        environmentName: string;
                        /** @description The environment's own options, as stored ({} without a configuration). */
                        environmentOptions: {
                            [key: string]: unknown;
                        };
                        /** @description Whether the environment has a configuration of its own for the resource; false means the resource's own options and secrets apply as they are. */
                        hasOwnConfiguration: boolean;
                        /** @description The effective options: the resource's own, with the environment's merged over them (top-level keys; the environment's win). */
                        options: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: uuid
                         * @description The resource configured.
                         */
                        resourceId: string;
                        /** @description Names of the effective secrets, sorted. Secret values are write-only. */
                        secretNames: string[];
                        /** @description Where each effective secret comes from, by name: `environment` when the environment sets it, else `resource`. */
                        secretSources: {
                            [key: string]: "environment" | "resource";
                        };
                        /** @description When the environment's own configuration last changed; null without one. */
                        updatedAt: string | null;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteResourceConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the environment. */
                environmentId: string;
                /** @description The unique identifier of the resource. */
                resourceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getSsoConfiguration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace's single sign-on over OpenID Connect. The client secret never appears. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Email domains that may sign in (exactly; subdomains not included). Empty allows any verified email. */
                        allowedDomains: string[];
                        /** @description Claim → name of a user attribute of this workspace, set from the claim at each sign-in (an absent claim removes the value). */
                        attributeMappings: {
                            [key: string]: string;
                        };
                        /** @description The client ID Toolplane has at the provider. */
                        clientId: string;
                        /** @description Whether a client secret is stored. The secret itself is write-only. */
                        clientSecretSet: boolean;
                        /**
                         * Format: date-time
                         * @description When single sign-on was configured.
                         */
                        createdAt: string;
                        /** @description Value of the groups claim → names of this workspace's groups a person with that value belongs to. Each sign-in adds the mapped groups the claims reach and removes the mapped groups they do not; groups no mapping names are left alone. */
                        groupMappings: {
                            [key: string]: string[];
                        };
                        /** @description The claim listing the person's groups at the provider (a dotted path reaches into objects: `realm_access.roles`); null for none. */
                        groupsClaim: string | null;
                        /** @description The provider's issuer URL; its `/.well-known/openid-configuration` is read. https, or plain http on a loopback address only. */
                        issuer: string;
                        /** @description Whether a person who is not a member yet joins at their first sign-in (needs `allowedDomains`). */
                        jitEnabled: boolean;
                        /**
                         * @description The role of a person who joins at sign-in.
                         * @enum {unknown}
                         */
                        jitRole: "admin" | "builder" | "end-user";
                        /** @description false refuses password sign-in to people whose default workspace this is; instance admins keep it. */
                        passwordLoginAllowed: boolean;
                        /** @description The redirect URI to register at the provider. */
                        redirectUri: string;
                        /** @description Scopes asked for; must include `openid`. Default `["openid","email","profile"]`. */
                        scopes: string[];
                        /** @description Where people start signing in to this workspace (`?returnTo=/path` to land elsewhere than `/`). */
                        signInUrl: string;
                        /**
                         * Format: date-time
                         * @description When the configuration last changed.
                         */
                        updatedAt: string;
                        /**
                         * Format: uuid
                         * @description The workspace configured.
                         */
                        workspaceId: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    putSsoConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The whole configuration: fields left out take their defaults, except `clientSecret`, which is kept. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Email domains that may sign in (exactly; subdomains not included). Empty allows any verified email. */
                    allowedDomains?: string[];
                    /** @description Claim → name of a user attribute of this workspace, set from the claim at each sign-in (an absent claim removes the value). */
                    attributeMappings?: {
                        [key: string]: string;
                    };
                    /** @description The client ID Toolplane has at the provider. */
                    clientId: string;
                    /** @description The client secret, encrypted at rest and never returned. Left out, the stored one is kept; null removes it (a public client using PKCE alone). */
                    clientSecret?: string | null;
                    /** @description Value of the groups claim → names of this workspace's groups a person with that value belongs to. Each sign-in adds the mapped groups the claims reach and removes the mapped groups they do not; groups no mapping names are left alone. */
                    groupMappings?: {
                        [key: string]: string[];
                    };
                    /** @description The claim listing the person's groups at the provider (a dotted path reaches into objects: `realm_access.roles`); null for none. */
                    groupsClaim?: string | null;
                    /** @description The provider's issuer URL; its `/.well-known/openid-configuration` is read. https, or plain http on a loopback address only. */
                    issuer: string;
                    /** @description Whether a person who is not a member yet joins at their first sign-in (needs `allowedDomains`). */
                    jitEnabled?: boolean;
                    /**
                     * @description The role of a person who joins at sign-in.
                     * @enum {unknown}
                     */
                    jitRole?: "admin" | "builder" | "end-user";
                    /** @description false refuses password sign-in to people whose default workspace this is; instance admins keep it. */
                    passwordLoginAllowed?: boolean;
                    /** @description Scopes asked for; must include `openid`. Default `["openid","email","profile"]`. */
                    scopes?: string[];
                };
            };
        };
        responses: {
            /** @description The workspace's single sign-on over OpenID Connect. The client secret never appears. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Email domains that may sign in (exactly; subdomains not included). Empty allows any verified email. */
                        allowedDomains: string[];
                        /** @description Claim → name of a user attribute of this workspace, set from the claim at each sign-in (an absent claim removes the value). */
                        attributeMappings: {
                            [key: string]: string;
                        };
                        /** @description The client ID Toolplane has at the provider. */
                        clientId: string;
                        /** @description Whether a client secret is stored. The secret itself is write-only. */
                        clientSecretSet: boolean;
                        /**
                         * Format: date-time
                         * @description When single sign-on was configured.
                         */
                        createdAt: string;
                        /** @description Value of the groups claim → names of this workspace's groups a person with that value belongs to. Each sign-in adds the mapped groups the claims reach and removes the mapped groups they do not; groups no mapping names are left alone. */
                        groupMappings: {
                            [key: string]: string[];
                        };
                        /** @description The claim listing the person's groups at the provider (a dotted path reaches into objects: `realm_access.roles`); null for none. */
                        groupsClaim: string | null;
                        /** @description The provider's issuer URL; its `/.well-known/openid-configuration` is read. https, or plain http on a loopback address only. */
                        issuer: string;
                        /** @description Whether a person who is not a member yet joins at their first sign-in (needs `allowedDomains`). */
                        jitEnabled: boolean;
                        /**
                         * @description The role of a person who joins at sign-in.
                         * @enum {unknown}
                         */
                        jitRole: "admin" | "builder" | "end-user";
                        /** @description false refuses password sign-in to people whose default workspace this is; instance admins keep it. */
                        passwordLoginAllowed: boolean;
                        /** @description The redirect URI to register at the provider. */
                        redirectUri: string;
                        /** @description Scopes asked for; must include `openid`. Default `["openid","email","profile"]`. */
                        scopes: string[];
                        /** @description Where people start signing in to this workspace (`?returnTo=/path` to land elsewhere than `/`). */
                        signInUrl: string;
                        /**
                         * Format: date-time
                         * @description When the configuration last changed.
                         */
                        updatedAt: string;
                        /**
                         * Format: uuid
                         * @description The workspace configured.
                         */
                        workspaceId: string;
                    };
                };
            };
            /** @description The workspace's single sign-on over OpenID Connect. The client secret never appears. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Email domains that may sign in (exactly; subdomains not included). Empty allows any verified email. */
                        allowedDomains: string[];
                        /** @description Claim → name of a user attribute of this workspace, set from the claim at each sign-in (an absent claim removes the value). */
                        attributeMappings: {
                            [key: string]: string;
                        };
                        /** @description The client ID Toolplane has at the provider. */
                        clientId: string;
                        /** @description Whether a client secret is stored. The secret itself is write-only. */
                        clientSecretSet: boolean;
                        /**
                         * Format: date-time
                         * @description When single sign-on was configured.
                         */
                        createdAt: string;
                        /** @description Value of the groups claim → names of this workspace's groups a person with that value belongs to. Each sign-in adds the mapped groups the claims reach and removes the mapped groups they do not; groups no mapping names are left alone. */
                        groupMappings: {
                            [key: string]: string[];
                        };
                        /** @description The claim listing the person's groups at the provider (a dotted path reaches into objects: `realm_access.roles`); null for none. */
                        groupsClaim: string | null;
                        /** @description The provider's issuer URL; its `/.well-known/openid-configuration` is read. https, or plain http on a loopback address only. */
                        issuer: string;
                        /** @description Whether a person who is not a member yet joins at their first sign-in (needs `allowedDomains`). */
                        jitEnabled: boolean;
                        /**
                         * @description The role of a person who joins at sign-in.
                         * @enum {unknown}
                         */
                        jitRole: "admin" | "builder" | "end-user";
                        /** @description false refuses password sign-in to people whose default workspace this is; instance admins keep it. */
                        passwordLoginAllowed: boolean;
                        /** @description The redirect URI to register at the provider. */
                        redirectUri: string;
                        /** @description Scopes asked for; must include `openid`. Default `["openid","email","profile"]`. */
                        scopes: string[];
                        /** @description Where people start signing in to this workspace (`?returnTo=/path` to land elsewhere than `/`). */
                        signInUrl: string;
                        /**
                         * Format: date-time
                         * @description When the configuration last changed.
                         */
                        updatedAt: string;
                        /**
                         * Format: uuid
                         * @description The workspace configured.
                         */
                        workspaceId: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteSsoConfiguration: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listTokens: {
        parameters: {
            query?: {
                /** @description Page number for pagination (1-based). */
                page?: number;
                /** @description Number of records per page. */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated list of tokens. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The records of this page. */
                        data: {
                            /**
                             * Format: date-time
                             * @description When the token was created.
                             */
                            createdAt: string;
                            /** @description What the token is for, in a sentence; null when none was given. */
                            description: string | null;
                            /** @description When the token stops working; null for never. */
                            expiresAt: string | null;
                            /**
                             * Format: uuid
                             * @description The token's identifier.
                             */
                            id: string;
                            /** @description When the token was last used (to within about 30 seconds); null for never. */
                            lastUsedAt: string | null;
                            /** @description A name telling what the token is for. */
                            name: string;
                            /** @description The secret's first characters (`tp_` and four more), to tell tokens apart. */
                            prefix: string;
                            /** @description When the token was revoked; null while it is not. */
                            revokedAt: string | null;
                            /** @description What the token may do. */
                            scopes: string[];
                            /** @description Email of the user the token acts for. */
                            userEmail: string;
                            /** @description The workspace the token is bound to; null for an instance-wide token. */
                            workspaceId: string | null;
                        }[];
                        /** @description Current page number. */
                        page: number;
                        /** @description Number of records per page. */
                        pageSize: number;
                        /** @description Total number of records across all pages. */
                        total: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A token to create; it acts for the calling token's user. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the token is for, in a sentence (at most 1,000 characters); null or empty keeps none. */
                    description?: string | null;
                    /**
                     * Format: date-time
                     * @description When the token stops working; in the future. Not with expiresInDays.
                     */
                    expiresAt?: string;
                    /** @description Days until the token stops working. Not with expiresAt. */
                    expiresInDays?: number;
                    /** @description A name telling what the token is for. */
                    name: string;
                    /** @description The scopes, each held by the calling token (`*` only from a `*` token). */
                    scopes: string[];
                    /**
                     * Format: uuid
                     * @description Bind the token to this workspace; absent makes it instance-wide. A workspace-bound caller can only give its own workspace.
                     */
                    workspaceId?: string;
                };
            };
        };
        responses: {
            /** @description A token just created or rotated, with its secret. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the token was created.
                         */
                        createdAt: string;
                        /** @description What the token is for, in a sentence; null when none was given. */
                        description: string | null;
                        /** @description When the token stops working; null for never. */
                        expiresAt: string | null;
                        /**
                         * Format: uuid
                         * @description The token's identifier.
                         */
                        id: string;
                        /** @description When the token was last used (to within about 30 seconds); null for never. */
                        lastUsedAt: string | null;
                        /** @description A name telling what the token is for. */
                        name: string;
                        /** @description The secret's first characters (`tp_` and four more), to tell tokens apart. */
                        prefix: string;
                        /** @description When the token was revoked; null while it is not. */
                        revokedAt: string | null;
                        /** @description What the token may do. */
                        scopes: string[];
                        /** @description The token's secret, for `Authorization: Bearer <secret>`. Shown only in this response: only its hash is stored. */
                        secret: string;
                        /** @description Email of the user the token acts for. */
                        userEmail: string;
                        /** @description The workspace the token is bound to; null for an instance-wide token. */
                        workspaceId: string | null;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The token's identifier. */
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An API token. Its secret is never shown again after creation or rotation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the token was created.
                         */
                        createdAt: string;
                        /** @description What the token is for, in a sentence; null when none was given. */
                        description: string | null;
                        /** @description When the token stops working; null for never. */
                        expiresAt: string | null;
                        /**
                         * Format: uuid
                         * @description The token's identifier.
                         */
                        id: string;
                        /** @description When the token was last used (to within about 30 seconds); null for never. */
                        lastUsedAt: string | null;
                        /** @description A name telling what the token is for. */
                        name: string;
                        /** @description The secret's first characters (`tp_` and four more), to tell tokens apart. */
                        prefix: string;
                        /** @description When the token was revoked; null while it is not. */
                        revokedAt: string | null;
                        /** @description What the token may do. */
                        scopes: string[];
                        /** @description Email of the user the token acts for. */
                        userEmail: string;
                        /** @description The workspace the token is bound to; null for an instance-wide token. */
                        workspaceId: string | null;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    revokeToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The token's identifier. */
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    rotateToken: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The token's identifier. */
                tokenId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A token just created or rotated, with its secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the token was created.
                         */
                        createdAt: string;
                        /** @description What the token is for, in a sentence; null when none was given. */
                        description: string | null;
                        /** @description When the token stops working; null for never. */
                        expiresAt: string | null;
                        /**
                         * Format: uuid
                         * @description The token's identifier.
                         */
                        id: string;
                        /** @description When the token was last used (to within about 30 seconds); null for never. */
                        lastUsedAt: string | null;
                        /** @description A name telling what the token is for. */
                        name: string;
                        /** @description The secret's first characters (`tp_` and four more), to tell tokens apart. */
                        prefix: string;
                        /** @description When the token was revoked; null while it is not. */
                        revokedAt: string | null;
                        /** @description What the token may do. */
                        scopes: string[];
                        /** @description The token's secret, for `Authorization: Bearer <secret>`. Shown only in this response: only its hash is stored. */
                        secret: string;
                        /** @description Email of the user the token acts for. */
                        userEmail: string;
                        /** @description The workspace the token is bound to; null for an instance-wide token. */
                        workspaceId: string | null;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listUserAttributes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description List of user attribute definitions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The workspace's attribute definitions, by name. */
                        data: {
                            /**
                             * Format: date-time
                             * @description Timestamp when the attribute was defined.
                             */
                            createdAt: string;
                            /**
                             * @description The type every value of the attribute has.
                             * @enum {unknown}
                             */
                            dataType: "string" | "number" | "boolean" | "json";
                            /** @description The value users without one of their own show, of the attribute's type; null when there is none. */
                            defaultValue: unknown;
                            /**
                             * Format: uuid
                             * @description The unique identifier of the attribute definition.
                             */
                            id: string;
                            /** @description A human-readable label for the attribute. */
                            label: string;
                            /** @description The attribute name: the key of the value in each user's `attributes`. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description Timestamp when the attribute was last changed.
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createUserAttribute: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for defining a user attribute. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The type every value must have: string, number, boolean or json (any JSON value). Fixed after creation.
                     * @enum {unknown}
                     */
                    dataType: "string" | "number" | "boolean" | "json";
                    /** @description A value of the attribute's type that users without one of their own show; null or left out for none. */
                    defaultValue?: unknown;
                    /** @description A human-readable label for the attribute; the name when left out. */
                    label?: string;
                    /** @description The attribute name, unique in the workspace: lower-case letters, digits and `_`. Fixed after creation. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A user attribute defined in the workspace. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the attribute was defined.
                         */
                        createdAt: string;
                        /**
                         * @description The type every value of the attribute has.
                         * @enum {unknown}
                         */
                        dataType: "string" | "number" | "boolean" | "json";
                        /** @description The value users without one of their own show, of the attribute's type; null when there is none. */
                        defaultValue: unknown;
                        /**
                         * Format: uuid
                         * @description The unique identifier of the attribute definition.
                         */
                        id: string;
                        /** @description A human-readable label for the attribute. */
                        label: string;
                        /** @description The attribute name: the key of the value in each user's `attributes`. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the attribute was last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getUserAttribute: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the attribute definition. */
                attributeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A user attribute defined in the workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the attribute was defined.
                         */
                        createdAt: string;
                        /**
                         * @description The type every value of the attribute has.
                         * @enum {unknown}
                         */
                        dataType: "string" | "number" | "boolean" | "json";
                        /** @description The value users without one of their own show, of the attribute's type; null when there is none. */
                        defaultValue: unknown;
                        /**
                         * Format: uuid
                         * @description The unique identifier of the attribute definition.
                         */
                        id: string;
                        /** @description A human-readable label for the attribute. */
                        label: string;
                        /** @description The attribute name: the key of the value in each user's `attributes`. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the attribute was last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteUserAttribute: {
        parameters: {
            query?: {
                /** @description Whether to remove the attribute's value from every user too (true, the default); false keeps them, to reappear should the name be defined again. */
                clearValues?: boolean;
            };
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the attribute definition. */
                attributeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateUserAttribute: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the attribute definition. */
                attributeId: string;
            };
            cookie?: never;
        };
        /** @description Request body for changing a user attribute's label and default; fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Fixed after creation: may be sent only with the current value.
                     * @enum {unknown}
                     */
                    dataType?: "string" | "number" | "boolean" | "json";
                    /** @description A new default of the attribute's type; null removes it; left out keeps it. */
                    defaultValue?: unknown;
                    /** @description A new label for the attribute. */
                    label?: string;
                    /** @description Fixed after creation: may be sent only with the current value. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description A user attribute defined in the workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the attribute was defined.
                         */
                        createdAt: string;
                        /**
                         * @description The type every value of the attribute has.
                         * @enum {unknown}
                         */
                        dataType: "string" | "number" | "boolean" | "json";
                        /** @description The value users without one of their own show, of the attribute's type; null when there is none. */
                        defaultValue: unknown;
                        /**
                         * Format: uuid
                         * @description The unique identifier of the attribute definition.
                         */
                        id: string;
                        /** @description A human-readable label for the attribute. */
                        label: string;
                        /** @description The attribute name: the key of the value in each user's `attributes`. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the attribute was last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                /** @description Only members of this group of the workspace (400 naming `groupId` when the workspace has no such group). */
                groupId?: number;
                /** @description Page number for pagination (1-based). */
                page?: number;
                /** @description Number of records per page. */
                pageSize?: number;
                /** @description Only users whose email, first name, last name or full name ("first last") starts with this text, whatever its case. Spaces around it are ignored; an empty text matches everyone. */
                q?: string;
                /** @description Only users of this role: admin (isAdmin), builder (neither admin nor endUser), or end-user (userType endUser). */
                role?: "admin" | "builder" | "end-user";
                /** @description Only enabled (active) or only disabled users (isDisabled). */
                status?: "active" | "disabled";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated list of users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The records of this page. */
                        data: {
                            /** @description The user's attribute values in this workspace, by attribute name; an attribute the user has no value for shows its default, if it has one. */
                            attributes: {
                                [key: string]: unknown;
                            };
                            /**
                             * Format: date-time
                             * @description Timestamp when the user account was created.
                             */
                            createdAt: string;
                            /**
                             * Format: email
                             * @description The user's email address (unique, whatever its case).
                             */
                            email: string;
                            /** @description The user's first name. */
                            firstName: string;
                            /** @description Groups of this workspace the user is a member of. */
                            groups: {
                                /** @description The numeric group identifier. */
                                id: number;
                                /** @description The group name. */
                                name: string;
                            }[];
                            /**
                             * Format: uuid
                             * @description The unique identifier for the user.
                             */
                            id: string;
                            /** @description Whether the user is an admin of the workspace. */
                            isAdmin: boolean;
                            /** @description Whether the user's membership of the workspace is disabled (archived). */
                            isDisabled: boolean;
                            /** @description The user's last name. */
                            lastName: string;
                            /**
                             * Format: date-time
                             * @description Timestamp when the user account was last updated.
                             */
                            updatedAt: string;
                            /**
                             * @description The user type: default users have standard access; endUser accounts have limited access to embedded applications.
                             * @enum {unknown}
                             */
                            userType: "default" | "endUser";
                        }[];
                        /** @description Current page number. */
                        page: number;
                        /** @description Number of records per page. */
                        pageSize: number;
                        /** @description Total number of records across all pages. */
                        total: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description One user to add, or an array of them to add each on its own. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Attribute values by name; each attribute must be defined in the workspace and the value of its dataType (400 naming `attributes.<name>`). */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: email
                     * @description The email address for the new user (must be unique).
                     */
                    email: string;
                    /** @description The user's first name. */
                    firstName?: string;
                    /**
                     * @description Whether the user should be an admin.
                     * @default false
                     */
                    isAdmin?: boolean;
                    /** @description The user's last name. */
                    lastName?: string;
                    /**
                     * @description The user type (default or endUser).
                     * @default default
                     * @enum {unknown}
                     */
                    userType?: "default" | "endUser";
                } | {
                    /** @description Attribute values by name; each attribute must be defined in the workspace and the value of its dataType (400 naming `attributes.<name>`). */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /**
                     * Format: email
                     * @description The email address for the new user (must be unique).
                     */
                    email: string;
                    /** @description The user's first name. */
                    firstName?: string;
                    /**
                     * @description Whether the user should be an admin.
                     * @default false
                     */
                    isAdmin?: boolean;
                    /** @description The user's last name. */
                    lastName?: string;
                    /**
                     * @description The user type (default or endUser).
                     * @default default
                     * @enum {unknown}
                     */
                    userType?: "default" | "endUser";
                }[];
            };
        };
        responses: {
            /** @description A user, as a member of the request's workspace. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user's attribute values in this workspace, by attribute name; an attribute the user has no value for shows its default, if it has one. */
                        attributes: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Timestamp when the user account was created.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description The user's email address (unique, whatever its case).
                         */
                        email: string;
                        /** @description The user's first name. */
                        firstName: string;
                        /** @description Groups of this workspace the user is a member of. */
                        groups: {
                            /** @description The numeric group identifier. */
                            id: number;
                            /** @description The group name. */
                            name: string;
                        }[];
                        /**
                         * Format: uuid
                         * @description The unique identifier for the user.
                         */
                        id: string;
                        /** @description Whether the user is an admin of the workspace. */
                        isAdmin: boolean;
                        /** @description Whether the user's membership of the workspace is disabled (archived). */
                        isDisabled: boolean;
                        /** @description The user's last name. */
                        lastName: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the user account was last updated.
                         */
                        updatedAt: string;
                        /**
                         * @description The user type: default users have standard access; endUser accounts have limited access to embedded applications.
                         * @enum {unknown}
                         */
                        userType: "default" | "endUser";
                    };
                };
            };
            /** @description The outcome of each user of a bulk create, in request order. */
            207: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many items were created. */
                        created: number;
                        /** @description One outcome per item, in request order. */
                        data: {
                            /** @description Why the item was refused: the error body its own request would have had. */
                            error?: {
                                /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                                code: string;
                                /** @description The request field at fault, when there is one. */
                                field?: string;
                                /** @description A human-readable error message. */
                                message: string;
                            };
                            /** @description The position of the item in the request array, from 0. */
                            index: number;
                            /** @description The HTTP status the item would have had on its own: 201 when created, else 400, 404, 409, ... */
                            status: number;
                            /** @description The user as created, when status is 201. */
                            user?: {
                                /** @description The user's attribute values in this workspace, by attribute name; an attribute the user has no value for shows its default, if it has one. */
                                attributes: {
                                    [key: string]: unknown;
                                };
                                /**
                                 * Format: date-time
                                 * @description Timestamp when the user account was created.
                                 */
                                createdAt: string;
                                /**
                                 * Format: email
                                 * @description The user's email address (unique, whatever its case).
                                 */
                                email: string;
                                /** @description The user's first name. */
                                firstName: string;
                                /** @description Groups of this workspace the user is a member of. */
                                groups: {
                                    /** @description The numeric group identifier. */
                                    id: number;
                                    /** @description The group name. */
                                    name: string;
                                }[];
                                /**
                                 * Format: uuid
                                 * @description The unique identifier for the user.
                                 */
                                id: string;
                                /** @description Whether the user is an admin of the workspace. */
                                isAdmin: boolean;
                                /** @description Whether the user's membership of the workspace is disabled (archived). */
                                isDisabled: boolean;
                                /** @description The user's last name. */
                                lastName: string;
                                /**
                                 * Format: date-time
                                 * @description Timestamp when the user account was last updated.
                                 */
                                updatedAt: string;
                                /**
                                 * @description The user type: default users have standard access; endUser accounts have limited access to embedded applications.
                                 * @enum {unknown}
                                 */
                                userType: "default" | "endUser";
                            };
                        }[];
                        /** @description How many items were refused; each changed nothing. */
                        failed: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The unique UUID identifier of the user. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A user, as a member of the request's workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user's attribute values in this workspace, by attribute name; an attribute the user has no value for shows its default, if it has one. */
                        attributes: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Timestamp when the user account was created.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description The user's email address (unique, whatever its case).
                         */
                        email: string;
                        /** @description The user's first name. */
                        firstName: string;
                        /** @description Groups of this workspace the user is a member of. */
                        groups: {
                            /** @description The numeric group identifier. */
                            id: number;
                            /** @description The group name. */
                            name: string;
                        }[];
                        /**
                         * Format: uuid
                         * @description The unique identifier for the user.
                         */
                        id: string;
                        /** @description Whether the user is an admin of the workspace. */
                        isAdmin: boolean;
                        /** @description Whether the user's membership of the workspace is disabled (archived). */
                        isDisabled: boolean;
                        /** @description The user's last name. */
                        lastName: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the user account was last updated.
                         */
                        updatedAt: string;
                        /**
                         * @description The user type: default users have standard access; endUser accounts have limited access to embedded applications.
                         * @enum {unknown}
                         */
                        userType: "default" | "endUser";
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique UUID identifier of the user. */
                userId: string;
            };
            cookie?: never;
        };
        /** @description Request body for updating a user; fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Attribute values to set by name, checked as on create; null removes a value; attributes left out keep theirs. */
                    attributes?: {
                        [key: string]: unknown;
                    };
                    /** @description The user's first name. */
                    firstName?: string;
                    /** @description Whether the user should be an admin. */
                    isAdmin?: boolean;
                    /** @description Whether to disable the user's membership. */
                    isDisabled?: boolean;
                    /** @description The user's last name. */
                    lastName?: string;
                    /**
                     * @description Change the user type (default or endUser).
                     * @enum {unknown}
                     */
                    userType?: "default" | "endUser";
                };
            };
        };
        responses: {
            /** @description A user, as a member of the request's workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user's attribute values in this workspace, by attribute name; an attribute the user has no value for shows its default, if it has one. */
                        attributes: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Timestamp when the user account was created.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description The user's email address (unique, whatever its case).
                         */
                        email: string;
                        /** @description The user's first name. */
                        firstName: string;
                        /** @description Groups of this workspace the user is a member of. */
                        groups: {
                            /** @description The numeric group identifier. */
                            id: number;
                            /** @description The group name. */
                            name: string;
                        }[];
                        /**
                         * Format: uuid
                         * @description The unique identifier for the user.
                         */
                        id: string;
                        /** @description Whether the user is an admin of the workspace. */
                        isAdmin: boolean;
                        /** @description Whether the user's membership of the workspace is disabled (archived). */
                        isDisabled: boolean;
                        /** @description The user's last name. */
                        lastName: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the user account was last updated.
                         */
                        updatedAt: string;
                        /**
                         * @description The user type: default users have standard access; endUser accounts have limited access to embedded applications.
                         * @enum {unknown}
                         */
                        userType: "default" | "endUser";
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteUser: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique UUID identifier of the user. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    setUserAttributeValue: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The name of a user attribute defined in the workspace. */
                attributeName: string;
                /** @description The unique UUID identifier of the user. */
                userId: string;
            };
            cookie?: never;
        };
        /** @description Request body for setting one attribute value of a user. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The value, of the attribute's dataType; null removes the user's value. */
                    value: unknown;
                };
            };
        };
        responses: {
            /** @description A user, as a member of the request's workspace. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user's attribute values in this workspace, by attribute name; an attribute the user has no value for shows its default, if it has one. */
                        attributes: {
                            [key: string]: unknown;
                        };
                        /**
                         * Format: date-time
                         * @description Timestamp when the user account was created.
                         */
                        createdAt: string;
                        /**
                         * Format: email
                         * @description The user's email address (unique, whatever its case).
                         */
                        email: string;
                        /** @description The user's first name. */
                        firstName: string;
                        /** @description Groups of this workspace the user is a member of. */
                        groups: {
                            /** @description The numeric group identifier. */
                            id: number;
                            /** @description The group name. */
                            name: string;
                        }[];
                        /**
                         * Format: uuid
                         * @description The unique identifier for the user.
                         */
                        id: string;
                        /** @description Whether the user is an admin of the workspace. */
                        isAdmin: boolean;
                        /** @description Whether the user's membership of the workspace is disabled (archived). */
                        isDisabled: boolean;
                        /** @description The user's last name. */
                        lastName: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the user account was last updated.
                         */
                        updatedAt: string;
                        /**
                         * @description The user type: default users have standard access; endUser accounts have limited access to embedded applications.
                         * @enum {unknown}
                         */
                        userType: "default" | "endUser";
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteUserAttributeValue: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The name of a user attribute defined in the workspace. */
                attributeName: string;
                /** @description The unique UUID identifier of the user. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listWorkflows: {
        parameters: {
            query?: {
                /** @description Page number for pagination (1-based). */
                page?: number;
                /** @description Number of records per page. */
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated list of workflows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The records of this page. */
                        data: {
                            /**
                             * Format: date-time
                             * @description Timestamp when the workflow was created.
                             */
                            createdAt: string;
                            /** @description A description of the workflow's purpose. */
                            description: string;
                            /** @description The identifier of the workflow folder holding it; absent at the top level. */
                            folderId?: string;
                            /** @description The unique identifier for the workflow. */
                            id: string;
                            /** @description The name of the workflow, unique in the workspace. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description Timestamp when the workflow was last updated.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Current page number. */
                        page: number;
                        /** @description Number of records per page. */
                        pageSize: number;
                        /** @description Total number of records across all pages. */
                        total: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description Request body for creating a workflow. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description A description of the workflow's purpose. */
                    description?: string;
                    /**
                     * Format: uuid
                     * @description The workflow folder to place the workflow in.
                     */
                    folderId?: string;
                    /** @description The name of the new workflow, unique in the workspace. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A workflow. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the workflow was created.
                         */
                        createdAt: string;
                        /** @description A description of the workflow's purpose. */
                        description: string;
                        /** @description The identifier of the workflow folder holding it; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the workflow. */
                        id: string;
                        /** @description The name of the workflow, unique in the workspace. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the workflow was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the workflow. */
                workflowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A workflow. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the workflow was created.
                         */
                        createdAt: string;
                        /** @description A description of the workflow's purpose. */
                        description: string;
                        /** @description The identifier of the workflow folder holding it; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the workflow. */
                        id: string;
                        /** @description The name of the workflow, unique in the workspace. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the workflow was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the workflow. */
                workflowId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateWorkflow: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The unique identifier of the workflow. */
                workflowId: string;
            };
            cookie?: never;
        };
        /** @description Request body for changing a workflow; fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new description of the workflow. */
                    description?: string;
                    /** @description Move the workflow into this workflow folder; null moves it to the top level. */
                    folderId?: string | null;
                    /** @description The new name of the workflow, unique in the workspace. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description A workflow. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Timestamp when the workflow was created.
                         */
                        createdAt: string;
                        /** @description A description of the workflow's purpose. */
                        description: string;
                        /** @description The identifier of the workflow folder holding it; absent at the top level. */
                        folderId?: string;
                        /** @description The unique identifier for the workflow. */
                        id: string;
                        /** @description The name of the workflow, unique in the workspace. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description Timestamp when the workflow was last updated.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    listWorkspaces: {
        parameters: {
            query?: {
                /** @description Only workspaces whose name contains this text, ignoring case. */
                name?: string;
                /** @description Page number for pagination (1-based). */
                page?: number;
                /** @description Number of records per page. */
                pageSize?: number;
                /** @description Only workspaces in this state. */
                status?: "active" | "archived";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Paginated list of workspaces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The records of this page. */
                        data: {
                            /**
                             * Format: date-time
                             * @description When the workspace was created.
                             */
                            createdAt: string;
                            /** @description Email domains of the workspace's own people (lower case). Invitees from any other domain are external and join as end-user. */
                            domains: string[];
                            /**
                             * Format: uuid
                             * @description The workspace's identifier.
                             */
                            id: string;
                            /** @description The workspace's name, unique in the instance. */
                            name: string;
                            /**
                             * @description The role people provisioned into the workspace by SCIM get: `admin`, `builder` or `end-user` (the default).
                             * @enum {unknown}
                             */
                            scimDefaultRole: "admin" | "builder" | "end-user";
                            /**
                             * @description Whether the workspace is in use.
                             * @enum {unknown}
                             */
                            status: "active" | "archived";
                            /** @description Whether a signed-in person acts here only with two-factor sign-in on: a session of anyone without it gets 403 `two_factor_required` on every route but their own account's (`/me`), where they can turn it on. Tokens are not affected. */
                            twoFactorRequired: boolean;
                            /**
                             * Format: date-time
                             * @description When the workspace last changed.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Current page number. */
                        page: number;
                        /** @description Number of records per page. */
                        pageSize: number;
                        /** @description Total number of records across all pages. */
                        total: number;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    createWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a retry safe: the same key and request within 24 hours answers the first answer again and changes nothing; the same key with another request is a 422 `idempotency_key_reused`. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A new workspace. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Email domains of the workspace's own people: plain domain names such as `example.com` (lower-cased, duplicates dropped). Default: none, so every invitee is external. */
                    domains?: string[];
                    /** @description The workspace's name, unique in the instance. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A workspace's settings. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the workspace was created.
                         */
                        createdAt: string;
                        /** @description Email domains of the workspace's own people (lower case). Invitees from any other domain are external and join as end-user. */
                        domains: string[];
                        /**
                         * Format: uuid
                         * @description The workspace's identifier.
                         */
                        id: string;
                        /** @description The workspace's name, unique in the instance. */
                        name: string;
                        /**
                         * @description The role people provisioned into the workspace by SCIM get: `admin`, `builder` or `end-user` (the default).
                         * @enum {unknown}
                         */
                        scimDefaultRole: "admin" | "builder" | "end-user";
                        /**
                         * @description Whether the workspace is in use.
                         * @enum {unknown}
                         */
                        status: "active" | "archived";
                        /** @description Whether a signed-in person acts here only with two-factor sign-in on: a session of anyone without it gets 403 `two_factor_required` on every route but their own account's (`/me`), where they can turn it on. Tokens are not affected. */
                        twoFactorRequired: boolean;
                        /**
                         * Format: date-time
                         * @description When the workspace last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    getWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from an earlier GET: when the object is unchanged, the answer is 304 with no body. */
                "If-None-Match"?: string;
            };
            path: {
                /** @description The workspace's identifier. */
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A workspace's settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the workspace was created.
                         */
                        createdAt: string;
                        /** @description Email domains of the workspace's own people (lower case). Invitees from any other domain are external and join as end-user. */
                        domains: string[];
                        /**
                         * Format: uuid
                         * @description The workspace's identifier.
                         */
                        id: string;
                        /** @description The workspace's name, unique in the instance. */
                        name: string;
                        /**
                         * @description The role people provisioned into the workspace by SCIM get: `admin`, `builder` or `end-user` (the default).
                         * @enum {unknown}
                         */
                        scimDefaultRole: "admin" | "builder" | "end-user";
                        /**
                         * @description Whether the workspace is in use.
                         * @enum {unknown}
                         */
                        status: "active" | "archived";
                        /** @description Whether a signed-in person acts here only with two-factor sign-in on: a session of anyone without it gets 403 `two_factor_required` on every route but their own account's (`/me`), where they can turn it on. Tokens are not affected. */
                        twoFactorRequired: boolean;
                        /**
                         * Format: date-time
                         * @description When the workspace last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
    updateWorkspace: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag from a GET of this object: when the object has changed since, the answer is 412 `precondition_failed` and nothing changes. */
                "If-Match"?: string;
            };
            path: {
                /** @description The workspace's identifier. */
                workspaceId: string;
            };
            cookie?: never;
        };
        /** @description Workspace settings to change; fields left out keep their value. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Replaces the domain list: plain domain names such as `example.com` (lower-cased, duplicates dropped). */
                    domains?: string[];
                    /** @description A new name, unique in the instance. */
                    name?: string;
                    /**
                     * @description The role people provisioned into the workspace by SCIM get: `admin`, `builder` or `end-user` (the default).
                     * @enum {unknown}
                     */
                    scimDefaultRole?: "admin" | "builder" | "end-user";
                    /**
                     * @description `archived` blocks every token bound to the workspace and every request naming it in X-Workspace-Id (403 `workspace_archived`); `active` restores them. Nothing else changes. The default workspace cannot be archived.
                     * @enum {unknown}
                     */
                    status?: "active" | "archived";
                    /** @description Whether a signed-in person acts here only with two-factor sign-in on: a session of anyone without it gets 403 `two_factor_required` on every route but their own account's (`/me`), where they can turn it on. Tokens are not affected. */
                    twoFactorRequired?: boolean;
                };
            };
        };
        responses: {
            /** @description A workspace's settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the workspace was created.
                         */
                        createdAt: string;
                        /** @description Email domains of the workspace's own people (lower case). Invitees from any other domain are external and join as end-user. */
                        domains: string[];
                        /**
                         * Format: uuid
                         * @description The workspace's identifier.
                         */
                        id: string;
                        /** @description The workspace's name, unique in the instance. */
                        name: string;
                        /**
                         * @description The role people provisioned into the workspace by SCIM get: `admin`, `builder` or `end-user` (the default).
                         * @enum {unknown}
                         */
                        scimDefaultRole: "admin" | "builder" | "end-user";
                        /**
                         * @description Whether the workspace is in use.
                         * @enum {unknown}
                         */
                        status: "active" | "archived";
                        /** @description Whether a signed-in person acts here only with two-factor sign-in on: a session of anyone without it gets 403 `two_factor_required` on every route but their own account's (`/me`), where they can turn it on. Tokens are not affected. */
                        twoFactorRequired: boolean;
                        /**
                         * Format: date-time
                         * @description When the workspace last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description The request was malformed or contained invalid parameters. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Authentication failed. The Bearer token is missing or invalid. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Access denied. The token lacks the scope, or may not act in the workspace. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description The requested resource was not found. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description A conflict occurred, such as a duplicate email address. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
            /** @description Too many requests: the token (or, without valid credentials, the client address) has spent its budget for the minute. `Retry-After` gives the seconds to wait. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description A stable machine-readable error code, such as `not_found` or `email_taken`. */
                        code: string;
                        /** @description The request field at fault, when there is one. */
                        field?: string;
                        /** @description A human-readable error message. */
                        message: string;
                    };
                };
            };
        };
    };
}
