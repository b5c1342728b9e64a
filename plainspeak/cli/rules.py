"""``plainspeak rules``: every rule, from its docstring."""

from __future__ import annotations

import click


@click.command()
@click.argument("rule", required=False)
@click.option("--markdown", is_flag=True, help="Print the full reference as Markdown (docs/rules.md).")
def rules(rule: str | None, markdown: bool) -> int:
    """List the rules, or show one rule's documentation (by code or name)."""
    from plainspeak.rules import all_rules, resolve

    if markdown:
        from plainspeak.rules.docs import rules_markdown

        click.echo(rules_markdown(), nl=False)
        return 0

    if rule:
        found = resolve(rule)
        if found is None:
            raise click.UsageError(f"no rule called {rule!r}; run 'plainspeak rules' to list them")
        doc = found.doc()
        click.echo(f"{found.code} {found.name} ({found.severity.value})")
        click.echo(doc.summary)
        for title, body in doc.sections.items():
            click.echo(f"\n{title}:\n{body}")
        if found.options:
            click.echo("\nOptions: " + ", ".join(f"{k} = {v!r}" for k, v in found.options.items()))
        return 0
    for found in all_rules():
        state = "" if found.enabled_by_default else " [off by default]"
        click.echo(f"{found.code}  {found.name:<24} {found.severity.value:<10} {found.doc().summary}{state}")
    return 0
