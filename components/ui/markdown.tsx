import ReactMarkdown, { type Components, type ExtraProps } from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Renders user-written Markdown safely: raw HTML in the text is skipped (never rendered),
 * link and image URLs go through react-markdown's default filter (no javascript: URLs),
 * and links open without passing on the page or ranking credit.
 */
type Props = React.HTMLAttributes<HTMLElement> & ExtraProps;

/** An element with a fixed class; react-markdown's `node` prop is dropped, not put on the DOM. */
function styled(Tag: "p" | "ul" | "ol" | "h3" | "h4" | "h5" | "code" | "pre" | "blockquote" | "table", className: string) {
  return function Styled({ node, ...props }: Props) {
    void node;
    return <Tag {...props} className={className} />;
  };
}

const components: Components = {
  a: ({ node, ...props }) => {
    void node;
    return (
      <a
        {...props}
        target="_blank"
        rel="noopener noreferrer nofollow"
        className="font-medium text-brand-700 underline underline-offset-2 hover:text-brand-900"
      />
    );
  },
  p: styled("p", "my-2 first:mt-0 last:mb-0"),
  ul: styled("ul", "my-2 list-disc space-y-1 pl-5"),
  ol: styled("ol", "my-2 list-decimal space-y-1 pl-5"),
  h1: styled("h3", "mt-3 mb-1 text-base font-semibold"),
  h2: styled("h4", "mt-3 mb-1 text-sm font-semibold"),
  h3: styled("h5", "mt-3 mb-1 text-sm font-semibold"),
  code: styled("code", "rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800"),
  pre: styled("pre", "my-2 overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 [&_code]:bg-transparent [&_code]:text-slate-100"),
  blockquote: styled("blockquote", "my-2 border-l-4 border-slate-200 pl-3 text-slate-600"),
  table: styled(
    "table",
    "my-2 w-full border-collapse text-xs [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left",
  ),
  // images are not loaded from arbitrary hosts (privacy, CSP); their text stands in
  img: ({ alt }) => <span className="text-slate-500">[image: {alt || "untitled"}]</span>,
};

export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`text-sm leading-relaxed text-slate-800 break-words ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
