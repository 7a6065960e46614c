/** An invited person's answer (their RSVP status). */
export enum RsvpResponse {
  Pending = 'pending',
  Accepted = 'accepted',
  Declined = 'declined',
  Delegated = 'delegated',
}
