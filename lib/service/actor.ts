/** Who calls a service: the signed-in user, as the server read it from the database. */
export interface Actor {
  id: string;
  name: string;
  role: string;
  officeId: string;
  idNumber: string | null;
}
