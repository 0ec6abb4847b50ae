using PipelineGuard.Rules.Docker;
using PipelineGuard.Tests.Support;

namespace PipelineGuard.Tests.Rules.Docker;

public sealed class DockerfilePipUnpinnedTests
{
    private const string Base = "FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1\n";

    private static string[] Pg118(string run) =>
        Lint.Findings(("Dockerfile", Base + run + "\n")).Only(DockerfilePipUnpinned.Rule).Places()
            .Select(p => p.Replace("Dockerfile:", string.Empty, StringComparison.Ordinal)).ToArray();

    // hadolint DL3013's catches, and what it lets through but pip installs unpinned.
    [TestCase("RUN pip install MySQL_python", "2:17-2:29")]
    [TestCase("RUN pip3 install flask", "2:18-2:23")]
    [TestCase("RUN python -m pip install example", "2:27-2:34")]
    [TestCase("RUN python3 -m pip install --no-cache-dir azureml-mlflow", "2:43-2:57")]
    [TestCase("RUN /opt/conda/bin/pip install mlflow", "2:32-2:38")]
    [TestCase("RUN pip install --root-user-action=ignore mypkg", "2:43-2:48")]
    [TestCase("RUN pip install 'alabaster>=0.7'", "2:17-2:33")]
    [TestCase("RUN pip install \"scikit-learn~=1.2.2\"", "2:17-2:38")]
    [TestCase("RUN pip install torch==2.*", "2:17-2:27")]
    [TestCase("RUN pip install git+https://github.com/org/repo.git#egg=repo", "2:17-2:61")]
    [TestCase("RUN pip install \"repo @ git+https://user@github.com/org/repo.git\"", "2:17-2:66")]
    [TestCase("RUN pip install -r requirements.txt flask", "2:37-2:42")]
    [TestCase("RUN pip install -c constraints.txt flask", "2:36-2:41")]
    [TestCase("RUN pip install --upgrade pip", "2:27-2:30")]
    [TestCase("RUN pip install -Ur requirements.txt azureml-core", "2:38-2:50")]
    [TestCase("RUN sudo -H pip install flask", "2:25-2:30")]
    [TestCase("RUN env PIP_NO_CACHE_DIR=1 pip install flask", "2:40-2:45")]
    [TestCase("RUN pip --no-cache-dir install flask", "2:32-2:37")]
    [TestCase("RUN pip install --index-url https://pypi.org/simple --extra-index-url https://x.example/simple flask", "2:96-2:101")]
    [TestCase("RUN conda run -n py38 pip install flask", "2:35-2:40")]
    [TestCase("RUN pipx install black", "2:18-2:23")]
    [TestCase("RUN conda install -y -c conda-forge numpy", "2:37-2:42")]
    [TestCase("RUN mamba install -y 'numpy>=1.24'", "2:22-2:35")]
    [TestCase("RUN conda create -n py310 python=3.10 numpy -y", "2:39-2:44")]
    [TestCase("ONBUILD RUN pip install flask", "2:25-2:30")]
    public void An_unpinned_package_is_reported_on_its_word(string run, string place)
    {
        Assert.That(Pg118(run), Is.EqualTo(new[] { place }));
    }

    [Test]
    public void An_unquoted_spec_is_left_to_pg130()
    {
        // A continued RUN with tab-indented specs: the shell cuts 'inference-tools>=2.1' at '>', which PG130 reports.
        var run = "RUN pip install \\\n\tinference-tools>=2.1 \\\n\tlog-helpers";
        Assert.Multiple(() =>
        {
            Assert.That(Pg118(run), Is.EqualTo(new[] { "4:2-4:13" }));
            Assert.That(Lint.Findings(("Dockerfile", Base + run + "\n")).Only(UnquotedSpecInShell.Rule).Places(), Is.EqualTo(new[] { "Dockerfile:3:2-3:22" }));
        });
    }

    // hadolint DL3013's catch-nots, and what pins exactly or is not a package.
    [TestCase("RUN pip install MySQL_python==1.2.2")]
    [TestCase("RUN pip install 'pkg===1.0'")]
    [TestCase("RUN pip install torch==2.0.1+cu118 --index-url https://download.pytorch.org/whl/cu118")]
    [TestCase("RUN pip install --ignore-installed X==1")]
    [TestCase("RUN pip install --build /tmp/b --prefix /usr --root / --target /opt/t X==1")]
    [TestCase("RUN pip install --trusted-host host X==1")]
    [TestCase("RUN pip install -i https://u:p@feed.example/simple --extra-index-url https://e.example/simple X==1")]
    [TestCase("RUN pip install --user --no-cache-dir --disable-pip-version-check X==1")]
    [TestCase("RUN pip install -r requirements.txt")]
    [TestCase("RUN pip install --requirement=requirements.txt -c constraints.txt")]
    [TestCase("RUN pip install .")]
    [TestCase("RUN pip install -e .[dev]")]
    [TestCase("RUN pip install --editable git+https://github.com/org/repo.git#egg=repo")]
    [TestCase("RUN pip install ./src/mypkg /wheels/mypkg-1.0-py3-none-any.whl")]
    [TestCase("RUN pip install mypkg-1.0-py3-none-any.whl mypkg-1.0.tar.gz")]
    [TestCase("RUN pip install https://files.example/mypkg-1.0.zip")]
    [TestCase("RUN pip install git+https://github.com/org/repo.git@v1.2.0#egg=repo")]
    [TestCase("RUN pip install \"repo @ git+https://github.com/org/repo.git@0a1b2c3\"")]
    [TestCase("RUN pip install torch==${TORCH_VERSION} \"$EXTRA\"")]
    [TestCase("RUN pip install -f /wheels --no-index mypkg==1.0")]
    [TestCase("RUN pip uninstall -y flask")]
    [TestCase("RUN pip download flask")]
    [TestCase("RUN python -m venv /opt/venv")]
    [TestCase("RUN python -c \"import pip\" && echo install flask")]
    [TestCase("RUN pipx install --python \"$(which python)\" \"poetry==1.8.5\"")]
    [TestCase("RUN conda install -y python=3.10 pip=23.3.1 conda-forge::numpy==1.26.4")]
    [TestCase("RUN conda install -y --file conda-requirements.txt -n base -c conda-forge")]
    [TestCase("RUN conda install -y /tmp/pkgs/mypkg-1.0-0.tar.bz2")]
    [TestCase("RUN conda env create -f environment.yml")]
    [TestCase("RUN conda update -n base -c defaults conda")]
    public void Pinned_packages_and_option_values_are_not_reported(string run)
    {
        Assert.That(Pg118(run), Is.Empty);
    }

    [Test]
    public void A_bash_c_script_is_read_as_shell()
    {
        Assert.That(Pg118("RUN /bin/bash -c \"source activate py && pip install flask==2.0 mlflow\""), Is.EqualTo(new[] { "2:64-2:70" }));
    }

    [Test]
    public void A_heredoc_script_is_read_as_shell()
    {
        var run = "RUN <<EOF\nset -e\npip install --no-cache-dir \\\n    azureml-core==1.57.0 \\\n    mlflow\nEOF";
        Assert.That(Pg118(run), Is.EqualTo(new[] { "6:5-6:11" }));
    }

    [Test]
    public void Exec_form_is_read()
    {
        Assert.That(Pg118("RUN [\"pip\", \"install\", \"flask\"]"), Is.EqualTo(new[] { "2:25-2:30" }));
    }

    [Test]
    public void The_message_names_the_package_and_the_pin()
    {
        var finding = Lint.Findings(("Dockerfile", Base + "RUN pip install 'pandas>=2'\n")).Only(DockerfilePipUnpinned.Rule).Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Message, Does.Contain("pip package 'pandas' admits more than one version ('>=2')"));
            Assert.That(finding.Message, Does.Contain("'pandas==<version>'"));
            Assert.That(finding.Severity, Is.EqualTo(PipelineGuard.Model.Severity.Warning));
            Assert.That(finding.Fix, Is.Null);
        });
    }

    [Test]
    public void A_conda_message_suggests_a_conda_pin()
    {
        var finding = Lint.Findings(("Dockerfile", Base + "RUN conda install -y scipy\n")).Only(DockerfilePipUnpinned.Rule).Single();
        Assert.That(finding.Message, Does.Contain("conda package 'scipy' has no version").And.Contain("'scipy=<version>'"));
    }

    [Test]
    public void A_real_azure_ml_dockerfile_is_reported_per_unpinned_package()
    {
        // Shaped like azureml-examples cli/assets/environment/docker-contexts and AzureML-Containers images.
        var dockerfile = """
            FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:20240909.v1

            ENV AZUREML_CONDA_ENVIRONMENT_PATH=/azureml-envs/sklearn-1.5
            RUN conda create -p $AZUREML_CONDA_ENVIRONMENT_PATH python=3.10 pip=23.3.1 -c conda-forge -y
            ENV PATH=$AZUREML_CONDA_ENVIRONMENT_PATH/bin:$PATH

            COPY requirements.txt /tmp/requirements.txt
            RUN pip install --no-cache-dir -r /tmp/requirements.txt && \
                pip install --upgrade pip && \
                pip install 'azureml-inference-server-http>=1.3' debugpy==1.8.1

            """;
        var places = Lint.Findings(("Dockerfile", dockerfile), ("requirements.txt", "scikit-learn==1.5.1\n"))
            .Only(DockerfilePipUnpinned.Rule).Places();
        Assert.That(places, Is.EqualTo(new[] { "Dockerfile:9:27-9:30", "Dockerfile:10:17-10:53" }));
    }
}
