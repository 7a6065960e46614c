/** Only paths of this app are followed; a notification never sends the browser elsewhere. */
export function isAppPath(link: string | null): link is string {
  return !!link && link.startsWith('/') && !link.startsWith('//');
}
