<#
.SYNOPSIS
    Writes en-US/KubeLab.dll-Help.xml (MAML) for the built module.
.DESCRIPTION
    One source for help text: the <summary> of each cmdlet class is its synopsis and the <summary> of each
    parameter property its description (from the compiler's KubeLab.xml); Examples.psd1 beside this script
    adds the long description and the examples. Syntax comes from the cmdlets' real parameter sets, so it
    cannot drift from the code. Runs in its own pwsh, started by build.ps1, so the import does not linger.
#>
param(
    [Parameter(Mandatory)] [string] $ModuleDir,
    [Parameter(Mandatory)] [string] $DocumentationXml
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $ModuleDir 'KubeLab.psd1')
$docs = [xml](Get-Content $DocumentationXml -Raw)
$extra = Import-PowerShellDataFile (Join-Path $PSScriptRoot 'Examples.psd1')
# -Verbose, -ErrorAction ... are summed up as <CommonParameters>; -WhatIf and -Confirm are listed like any other
# parameter of a cmdlet that has them, as Get-Command -Syntax shows them.
$commonParameters = [System.Management.Automation.Cmdlet]::CommonParameters + @('UseTransaction')
$riskParameters = @{
    WhatIf  = 'Shows what the cmdlet would change (each command, file and step) without changing anything.'
    Confirm = 'Asks for confirmation before each change.'
}

function Get-Summary([string] $memberId) {
    $node = $docs.SelectSingleNode("/doc/members/member[@name='$memberId']/summary")
    if (-not $node) { return '' }
    # <see cref="T:Ns.Type"/> reads as the type's short name; other tags are dropped.
    $text = $node.InnerXml -replace '<see cref="[A-Z]:(?:[\w.`]+\.)?(\w+)"\s*/>', '$1' -replace '<[^>]+>', ''
    $text = ($text -replace '\s+', ' ').Trim() -replace '&lt;', '<' -replace '&gt;', '>' -replace '&amp;', '&'
    # Class summaries start with "Verb-Noun: "; the synopsis is what follows, as a sentence.
    $text = $text -replace '^[A-Z][a-z]+-\w+: ', ''
    if ($text) { $text = $text.Substring(0, 1).ToUpper() + $text.Substring(1) }
    return $text
}

function Get-ParameterSummary($command, [string] $name) {
    # The property may be declared on a base class (e.g. -Path on KubeConfigCommandBase).
    $type = $command.ImplementingType
    while ($type) {
        $summary = Get-Summary "P:$($type.FullName -replace '`\d+.*$', '`1').$name"
        if ($summary) { return $summary }
        $type = $type.BaseType
    }
    return ''
}

function Add-Element($parent, [string] $qualifiedName, [string] $text) {
    $prefix, $local = $qualifiedName -split ':'
    $element = $parent.OwnerDocument.CreateElement($prefix, $local, $namespaces[$prefix])
    if ($PSBoundParameters.ContainsKey('text')) { $element.InnerText = $text }
    [void]$parent.AppendChild($element)
    return $element
}

function Add-Paragraphs($parent, [string] $text) {
    $description = Add-Element $parent 'maml:description'
    foreach ($para in ($text -split "`n`n")) { Add-Element $description 'maml:para' $para.Trim() | Out-Null }
}

function Get-PipelineInput($parameter) {
    $kinds = @()
    if ($parameter.ValueFromPipeline) { $kinds += 'ByValue' }
    if ($parameter.ValueFromPipelineByPropertyName) { $kinds += 'ByPropertyName' }
    if ($kinds) { "True ($($kinds -join ', '))" } else { 'False' }
}

function Set-ParameterAttributes($element, $parameter, [bool] $globbing) {
    $element.SetAttribute('required', "$($parameter.IsMandatory)".ToLower())
    $element.SetAttribute('position', $(if ($parameter.Position -ge 0) { "$($parameter.Position)" } else { 'named' }))
    $element.SetAttribute('pipelineInput', (Get-PipelineInput $parameter))
    $element.SetAttribute('globbing', "$globbing".ToLower())
}

$namespaces = @{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}
$xml = [xml]'<?xml version="1.0" encoding="utf-8"?><helpItems schema="maml" xmlns="http://msh" />'

foreach ($command in Get-Command -Module KubeLab -CommandType Cmdlet | Sort-Object Name) {
    $entry = $extra[$command.Name]
    if (-not $entry) { throw "Examples.psd1 has no entry for $($command.Name)" }
    $node = Add-Element $xml.DocumentElement 'command:command'
    foreach ($prefix in $namespaces.Keys) { $node.SetAttribute("xmlns:$prefix", $namespaces[$prefix]) }
    $details = Add-Element $node 'command:details'
    Add-Element $details 'command:name' $command.Name | Out-Null
    Add-Element $details 'command:verb' $command.Verb | Out-Null
    Add-Element $details 'command:noun' $command.Noun | Out-Null
    Add-Paragraphs $details (Get-Summary "T:$($command.ImplementingType.FullName)")
    Add-Paragraphs $node $entry.Description

    $syntax = Add-Element $node 'command:syntax'
    foreach ($set in $command.ParameterSets) {
        $item = Add-Element $syntax 'command:syntaxItem'
        Add-Element $item 'maml:name' $command.Name | Out-Null
        foreach ($parameter in $set.Parameters | Where-Object Name -notin $commonParameters) {
            $p = Add-Element $item 'command:parameter'
            Set-ParameterAttributes $p $parameter $false
            Add-Element $p 'maml:name' $parameter.Name | Out-Null
            if ($parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
                (Add-Element $p 'command:parameterValue' $parameter.ParameterType.Name).SetAttribute('required', 'true')
            }
        }
    }

    $parametersNode = Add-Element $node 'command:parameters'
    foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $commonParameters } | Sort-Object) {
        $metadata = $command.Parameters[$name]
        $first = $command.ParameterSets.Parameters | Where-Object Name -eq $name | Select-Object -First 1
        $p = Add-Element $parametersNode 'command:parameter'
        $globbing = [bool]($metadata.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
        Set-ParameterAttributes $p $first $globbing
        Add-Element $p 'maml:name' $name | Out-Null
        $summary = if ($riskParameters.ContainsKey($name)) { $riskParameters[$name] } else { Get-ParameterSummary $command $name }
        if ($metadata.Aliases) { $summary = "$summary (Alias: $($metadata.Aliases -join ', '))".Trim() }
        Add-Paragraphs $p $summary
        (Add-Element $p 'command:parameterValue' $metadata.ParameterType.Name).SetAttribute('required', 'true')
        $type = Add-Element $p 'dev:type'
        Add-Element $type 'maml:name' $metadata.ParameterType.FullName | Out-Null
    }

    $returns = Add-Element $node 'command:returnValues'
    foreach ($output in $command.OutputType) {
        $type = Add-Element (Add-Element $returns 'command:returnValue') 'dev:type'
        Add-Element $type 'maml:name' $output.Name | Out-Null
    }

    $examples = Add-Element $node 'command:examples'
    $index = 0
    foreach ($example in $entry.Examples) {
        $index++
        $exampleNode = Add-Element $examples 'command:example'
        Add-Element $exampleNode 'maml:title' "-------------------------- Example $index`: $($example.Title) --------------------------" | Out-Null
        Add-Element $exampleNode 'dev:code' $example.Code | Out-Null
        $remarks = Add-Element $exampleNode 'dev:remarks'
        Add-Element $remarks 'maml:para' $example.Remarks | Out-Null
        Add-Element $remarks 'maml:para' '' | Out-Null   # a blank line before the next example's title
    }

    $links = Add-Element $node 'command:relatedLinks'
    $link = Add-Element $links 'maml:navigationLink'
    Add-Element $link 'maml:linkText' 'about_KubeLab' | Out-Null
}

$target = Join-Path $ModuleDir 'en-US/KubeLab.dll-Help.xml'
New-Item -ItemType Directory -Force -Path (Split-Path $target) | Out-Null
$xml.Save($target)
