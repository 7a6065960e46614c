export class ServingView {
  /**
   * The person's organisation provides an active service category, is the target of an active
   * routing rule, or has had a request assigned to it: it has a service inbox (待办服务).
   */
  servesRequests: boolean;
}
