import type { FileVersion } from '../domain/schemas/file.ts';
import type { Store } from '../store/store.ts';
import { getFile } from './get-file.ts';
import type { Actor } from './permissions.ts';

const API = '/api/v1';

/**
 * Every original of a visible file, newest first: the current one (the file record) and the earlier ones kept
 * by each "new version", each with the path of its bytes. Anyone who may see the file may see its history.
 */
export async function listFileVersions({
  store,
  actor,
  fileId,
}: {
  store: Store;
  actor: Actor;
  fileId: string;
}): Promise<FileVersion[]> {
  const file = await getFile({ store, actor, id: fileId });
  const earlier = await store.files.listVersions(fileId);
  const id = encodeURIComponent(fileId);
  const current: FileVersion = {
    version: earlier.length + 1,
    current: true,
    filename: file.filename,
    kind: file.kind,
    size: file.size,
    sha256: file.sha256,
    uploadedAt: earlier.at(-1)?.replacedAt ?? file.createdAt,
    replacedAt: null,
    downloadUrl: `${API}/files/${id}/download`,
  };
  return [
    current,
    ...earlier.reverse().map(
      (v): FileVersion => ({
        version: v.version,
        current: false,
        filename: v.filename,
        kind: v.kind,
        size: v.size,
        sha256: v.sha256,
        uploadedAt: v.uploadedAt,
        replacedAt: v.replacedAt,
        downloadUrl: `${API}/files/${id}/versions/${v.version}/download`,
      }),
    ),
  ];
}
