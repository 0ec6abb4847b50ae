using System.Text;
using PipelineGuard.Engine.Fixes;
using PipelineGuard.IO;
using PipelineGuard.Model;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Engine.Fixes;

public sealed class FixPlannerTests
{
    // pip 20.2.4 cannot run on Python 3.12: PG135, whose fix replaces the pip pin.
    private const string OldPip = "# the training image\nchannels: [conda-forge]  # one channel\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4  # pinned for the CI\n  - pip:\n      - requests==2.32.3\n";

    private static FixPlan Plan(InMemoryFileSystem fs) => new FixPlanner(fs).Plan(Lint.Run(fs));

    [Test]
    public void A_fix_changes_only_its_target_and_keeps_comments_and_formatting()
    {
        var plan = Plan(Lint.Repo(("env.yml", OldPip)));
        var patch = plan.Files.Single();
        Assert.Multiple(() =>
        {
            Assert.That(patch.Applied.Select(f => f.RuleId), Does.Contain("PG135"));
            Assert.That(patch.Fixed, Is.EqualTo(OldPip.Replace("pip=20.2.4", "pip=26.0.1", StringComparison.Ordinal)));
            Assert.That(patch.RepositoryPath, Is.EqualTo("env.yml"));
        });
    }

    [TestCase("\uFEFF", "\n", TestName = "A_UTF8_file_with_a_BOM_keeps_it")]
    [TestCase("", "\r\n", TestName = "A_CRLF_file_keeps_its_line_ends")]
    [TestCase("\uFEFF", "\r\n", TestName = "A_CRLF_file_with_a_BOM_keeps_both")]
    public void The_bytes_around_the_fix_are_unchanged(string bom, string lineEnd)
    {
        var text = bom + OldPip.Replace("\n", lineEnd, StringComparison.Ordinal);
        var plan = Plan(new InMemoryFileSystem("/repo").Add("/repo/env.yml", Encoding.UTF8.GetBytes(text)));
        var expected = Encoding.UTF8.GetBytes(text.Replace("pip=20.2.4", "pip=26.0.1", StringComparison.Ordinal));
        Assert.That(plan.Files.Single().FixedBytes, Is.EqualTo(expected));
    }

    [Test]
    public void Flow_style_YAML_is_fixed_in_place()
    {
        const string flow = "channels: [conda-forge]\ndependencies: [python=3.12.7, pip=20.2.4, {pip: [requests==2.32.3]}]\n";
        var patch = Plan(Lint.Repo(("env.yml", flow))).Files.Single();
        Assert.That(patch.Fixed, Is.EqualTo(flow.Replace("pip=20.2.4", "pip=26.0.1", StringComparison.Ordinal)));
    }

    [Test]
    public void A_UTF16_requirements_file_is_written_back_in_UTF16_with_its_mark()
    {
        // PG122: a requirement pip cannot parse (one '='), whose fix is the corrected requirement.
        var utf16 = new InMemoryFileSystem("/repo").Add("/repo/requirements.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("requests=2.32.3\n")]);
        var patch = Plan(utf16).Files.Single();
        Assert.Multiple(() =>
        {
            Assert.That(patch.Encoding.IsUtf8, Is.False);
            Assert.That(patch.FixedBytes.Take(2), Is.EqualTo(new byte[] { 0xFF, 0xFE }));
            Assert.That(Encoding.Unicode.GetString(patch.FixedBytes, 2, patch.FixedBytes.Length - 2), Is.EqualTo(patch.Fixed));
            Assert.That(patch.Fixed, Does.Not.Contain("requests=2.32.3"));
        });
    }

    [Test]
    public void A_file_changed_since_the_check_is_left_alone()
    {
        var fs = Lint.Repo(("env.yml", OldPip));
        var result = Lint.Run(fs);
        fs.Add("/repo/env.yml", OldPip + "  # edited\n");
        var plan = new FixPlanner(fs).Plan(result);
        Assert.Multiple(() =>
        {
            Assert.That(plan.Files, Is.Empty);
            Assert.That(plan.Skipped.Select(s => s.Reason), Has.All.Contains("not the text the check read"));
        });
    }

    [Test]
    public void Overlapping_fixes_apply_the_first_and_skip_the_rest_with_a_reason()
    {
        var fs = Lint.Repo(("env.yml", OldPip));
        var result = Lint.Run(fs);
        var pg135 = result.Findings.First(f => f.RuleId == "PG135");
        var rival = pg135 with { Fix = "pip=24.2", Message = "a second fix of the same text" };
        var plan = new FixPlanner(fs).Plan(result with { Findings = [.. result.Findings, rival] });
        Assert.Multiple(() =>
        {
            Assert.That(plan.Files.Single().Fixed, Does.Contain("pip=26.0.1").And.Not.Contain("pip=24.2"));
            Assert.That(plan.Skipped.Single(s => s.Finding == rival).Reason, Does.Contain("overlaps the fix of PG135"));
        });
    }

    [Test]
    public void A_fix_whose_target_is_not_in_the_file_is_skipped()
    {
        var fs = Lint.Repo(("env.yml", OldPip));
        var result = Lint.Run(fs);
        var stray = result.Findings.First(f => f.RuleId == "PG135") with { FixSpan = new SourceSpan("env.yml", 5, 40, 5, 44) };
        var plan = new FixPlanner(fs).Plan(result with { Findings = [stray] });
        Assert.Multiple(() =>
        {
            Assert.That(plan.Files, Is.Empty);
            Assert.That(plan.Skipped.Single().Reason, Does.Contain("is not a range of the file"));
        });
    }

    [Test]
    public void A_fix_for_a_file_outside_the_root_is_skipped()
    {
        var fs = Lint.Repo(("env.yml", OldPip));
        var result = Lint.Run(fs);
        fs.Add("/elsewhere/env.yml", OldPip);
        var outside = result.Findings.First(f => f.RuleId == "PG135");
        outside = outside with { Span = outside.Span with { File = "../elsewhere/env.yml" } };
        var plan = new FixPlanner(fs).Plan(result with { Findings = [outside] });
        Assert.That(plan.Files, Is.Empty);
        Assert.That(plan.Skipped.Single().Reason, Does.Contain("did not read").Or.Contain("outside the repository root"));
    }

    [Test]
    public void A_fix_over_a_credential_is_skipped_rather_than_writing_the_mask()
    {
        const string text = "channels: [conda-forge]\ndependencies:\n  - python=3.12.7\n  - pip=20.2.4\n";
        var fs = Lint.Repo(("env.yml", text));
        var result = Lint.Run(fs);
        var pg135 = result.Findings.First(f => f.RuleId == "PG135");
        fs.Add("/repo/env.yml", text.Replace("  - pip=20.2.4", "  - https://u:secret@example.com/x", StringComparison.Ordinal));
        var withToken = Lint.Run(fs);
        var masked = pg135 with { FixSpan = new SourceSpan("env.yml", 4, 5, 4, 35), Fix = "https://u:***@example.com/y" };
        var plan = new FixPlanner(fs).Plan(withToken with { Findings = [masked] });
        Assert.Multiple(() =>
        {
            Assert.That(plan.Files, Is.Empty);
            Assert.That(plan.Skipped.Single().Reason, Does.Contain("credential"));
        });
    }
}
