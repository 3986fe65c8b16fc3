import type { Store } from '../db/store.ts';
import { AccountService } from './account.service.ts';
import { AppService } from './app.service.ts';
import { AppTransferService } from './app-transfer.service.ts';
import { FolderService } from './folder.service.ts';
import { GroupService } from './group.service.ts';
import { InviteLinks } from './invite-links.ts';
import { ResourceService } from './resource.service.ts';
import type { SecretBox } from './secrets.ts';
import { TokenService } from './token.service.ts';
import { UserService } from './user.service.ts';
import { UserImportService } from './user-import.service.ts';
import { WorkspaceService } from './workspace.service.ts';

/** Every core service, built once per process over one store; the dialects and the CLI share them. */
export interface Services {
  accounts: AccountService;
  apps: AppService;
  appTransfers: AppTransferService;
  folders: FolderService;
  groups: GroupService;
  resources: ResourceService;
  tokens: TokenService;
  userImports: UserImportService;
  users: UserService;
  workspaces: WorkspaceService;
}

export function createServices(store: Store, box: SecretBox): Services {
  const workspaces = new WorkspaceService(store);
  return {
    accounts: new AccountService(store, new InviteLinks(box.deriveKey('invite-links'))),
    apps: new AppService(store),
    appTransfers: new AppTransferService(store),
    folders: new FolderService(store),
    groups: new GroupService(store),
    resources: new ResourceService(store, box),
    tokens: new TokenService(store, workspaces),
    userImports: new UserImportService(store),
    users: new UserService(store),
    workspaces,
  };
}
