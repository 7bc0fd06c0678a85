import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "./sign-in";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** The next-auth configuration: Credentials + JWT sessions of 8 hours. */
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { username: { type: "text" }, password: { type: "password" } },
      async authorize(credentials) {
        const user = await authenticate(
          credentials ? { username: credentials.username, password: credentials.password } : null,
        );
        return user ? { id: user.id, name: user.name } : null;
      },
    }),
  ],
  callbacks: {
    // Only the user id travels in the token; role and office are read from the database on
    // every request, so a deactivated user or a changed role takes effect at once.
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
