import { Image, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { authorizedFetch } from '../api/authorizedFetch';

interface Props {
  /** An API path that answers the image's bytes to a signed-in user. */
  src: string;
  alt?: string;
  width?: number;
  height?: number;
  'data-testid'?: string;
}

/**
 * A photo behind the API's authorization: fetched with the session's token into an object URL (an
 * <img src> cannot send the header), shown with antd's preview on click.
 */
export function AuthImage({ src, alt, width = 120, height = 90, ...rest }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  // A failure belongs to the address that failed: a new src starts out loading again.
  const [failedSrc, setFailedSrc] = useState<string | null>(null);
  const failed = failedSrc === src;
  useEffect(() => {
    let cancelled = false;
    let objectUrl: string | null = null;
    authorizedFetch(src)
      .then((response) => (response.ok ? response.blob() : Promise.reject(new Error(String(response.status)))))
      .then((blob) => {
        if (cancelled) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => !cancelled && setFailedSrc(src));
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [src]);
  if (!url) return <Skeleton.Image active={!failed} style={{ width, height }} />;
  return (
    <Image
      src={url}
      alt={alt}
      width={width}
      height={height}
      style={{ objectFit: 'cover' }}
      data-testid={rest['data-testid']}
    />
  );
}
