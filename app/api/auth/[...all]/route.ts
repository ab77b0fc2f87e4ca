import { getAuth } from "@/lib/auth/auth";
import { privateAuthAnswer } from "@/lib/auth/http-answer";
import { runAuthRequest } from "@/lib/auth/sso";

export const dynamic = "force-dynamic";

async function handle(request: Request) {
  const auth = await getAuth();
  return privateAuthAnswer(request, await runAuthRequest(() => auth.handler(request)));
}

export { handle as GET, handle as POST };
