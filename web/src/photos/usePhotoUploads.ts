// The photos being uploaded: one at a time (a tablet on the practice's wifi, a small server),
// each with its progress. A failed upload keeps its File, so it can be sent again as it was.
import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, type Photo } from '../api/client';
import { uploadPhoto, type PhotoTags } from '../api/endpoints';

export interface UploadItem {
  key: number;
  file: File;
  tags: PhotoTags;
  state: 'waiting' | 'uploading' | 'done' | 'failed';
  /** Bytes sent, of `total`. */
  loaded: number;
  total: number;
  /** Why it failed (an ApiError), shown in the language of the moment. */
  err: unknown;
}

export interface PhotoUploads {
  items: UploadItem[];
  add: (files: File[], tags: PhotoTags) => void;
  retry: (key: number) => void;
  remove: (key: number) => void;
  clearDone: () => void;
}

export function usePhotoUploads(clientId: string, onSaved: (photo: Photo) => void): PhotoUploads {
  const [items, setItems] = useState<UploadItem[]>([]);
  const [round, setRound] = useState(0);
  const busy = useRef(false);
  const nextKey = useRef(1);
  const controller = useRef<AbortController | null>(null);
  const saved = useRef(onSaved);

  useEffect(() => {
    saved.current = onSaved;
  }, [onSaved]);

  // Leaving the screen stops the upload in progress.
  useEffect(() => () => controller.current?.abort(), []);

  useEffect(() => {
    if (busy.current) return;
    const next = items.find((i) => i.state === 'waiting');
    if (!next) return;
    busy.current = true;
    const c = new AbortController();
    controller.current = c;
    const update = (patch: Partial<UploadItem>) =>
      setItems((list) => list.map((i) => (i.key === next.key ? { ...i, ...patch } : i)));
    update({ state: 'uploading', loaded: 0, total: next.file.size, err: null });
    uploadPhoto(clientId, next.tags, next.file, {
      signal: c.signal,
      onProgress: (loaded, total) => update({ loaded, total }),
    })
      .then((photo) => {
        update({ state: 'done', loaded: next.file.size, total: next.file.size });
        saved.current(photo);
      })
      .catch((err: unknown) => {
        if (isAbort(err)) return;
        update({ state: 'failed', err });
      })
      .finally(() => {
        busy.current = false;
        setRound((n) => n + 1); // on to the next one
      });
  }, [items, round, clientId]);

  const add = useCallback((files: File[], tags: PhotoTags) => {
    const added = files.map<UploadItem>((file) => ({
      key: nextKey.current++,
      file,
      tags,
      state: 'waiting',
      loaded: 0,
      total: file.size,
      err: null,
    }));
    setItems((list) => [...list, ...added]);
  }, []);

  const retry = useCallback((key: number) => {
    setItems((list) => list.map((i) => (i.key === key && i.state === 'failed' ? { ...i, state: 'waiting', loaded: 0, err: null } : i)));
  }, []);

  const remove = useCallback((key: number) => {
    setItems((list) => list.filter((i) => i.key !== key || i.state === 'uploading'));
  }, []);

  const clearDone = useCallback(() => {
    setItems((list) => list.filter((i) => i.state !== 'done'));
  }, []);

  return { items, add, retry, remove, clearDone };
}
