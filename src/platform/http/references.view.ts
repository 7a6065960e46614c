/** A named thing another view points at (an organisation, a zone). */
export class NamedRef {
  id: string;
  name: string;
}

/** A person another view points at. */
export class PersonRef {
  id: string;
  displayName: string;
}

export class RequestRef {
  id: string;
  number: string;
  title: string;
}
